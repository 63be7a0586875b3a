// The navigation rail's items; an item is listed only when its page does something real for this user.
export interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: string;
  readonly adminOnly?: boolean;
}

export const navItems: ReadonlyArray<NavItem> = [
  { to: '/new', label: 'New', icon: '+' },
  { to: '/projects', label: 'Projects', icon: '▤' },
  { to: '/test', label: 'Test', icon: '▷' },
  { to: '/runs', label: 'Runs', icon: '≡' },
  { to: '/history', label: 'History', icon: '◷', adminOnly: true },
  { to: '/settings', label: 'Settings', icon: '⚙' },
];
