// @vitest-environment happy-dom
// Tests of the app's router: pattern matching, links that push history, active nav links, back/forward.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Link, matchPath, Navigate, NavLink, Routes, useParams } from './router';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

function Project() {
  return <p>project {useParams().id}</p>;
}

const routes = [
  { path: '/', element: <Navigate to="/projects" /> },
  { path: '/projects', element: <Link to="/projects/p%201">open</Link> },
  { path: '/projects/:id', element: <Project /> },
  { path: '*', element: <p>nothing here</p> },
];

describe('matching paths', () => {
  it('matches fixed, parameter and optional segments, decoding values', () => {
    expect(matchPath('/projects', '/projects')).toEqual({});
    expect(matchPath('/projects', '/projects/')).toEqual({});
    expect(matchPath('/projects/:id', '/projects/a%2Fb')).toEqual({ id: 'a/b' });
    expect(matchPath('/projects/:id', '/projects')).toBeUndefined();
    expect(matchPath('/projects', '/projects/42')).toBeUndefined();
    expect(matchPath('/settings/:tab?', '/settings')).toEqual({});
    expect(matchPath('/settings/:tab?', '/settings/data')).toEqual({ tab: 'data' });
    expect(matchPath('/projects/:id', '/projects/%E0%A4%A')).toBeUndefined();
    expect(matchPath('*', '/anything/at/all')).toEqual({});
  });
});

describe('navigating', () => {
  it('redirects, follows links without a page load, and goes back', async () => {
    render(<Routes routes={routes} />);
    expect(window.location.pathname).toBe('/projects');
    expect(fireEvent.click(screen.getByRole('link', { name: 'open' }))).toBe(false);
    expect(window.location.pathname).toBe('/projects/p%201');
    expect(screen.getByText('project p 1')).toBeTruthy();
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByRole('link', { name: 'open' })).toBeTruthy();
  });

  it('leaves modified clicks to the browser', () => {
    window.history.replaceState(null, '', '/projects');
    render(<Routes routes={routes} />);
    // fireEvent answers false when the app prevented the browser's own handling of the click.
    expect(fireEvent.click(screen.getByRole('link', { name: 'open' }), { ctrlKey: true })).toBe(true);
    expect(fireEvent.click(screen.getByRole('link', { name: 'open' }), { shiftKey: true })).toBe(true);
  });

  it('marks the nav link of the current section as the current page', () => {
    window.history.replaceState(null, '', '/projects/42');
    render(
      <nav>
        <NavLink to="/projects" className="item">
          Projects
        </NavLink>
        <NavLink to="/settings" className="item">
          Settings
        </NavLink>
      </nav>,
    );
    expect(screen.getByRole('link', { name: 'Projects' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Projects' }).className).toBe('item active');
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBeNull();
  });
});
