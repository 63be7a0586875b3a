// The breadcrumb's last part (e.g. the open project's name), set by the page that knows it.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

const CrumbContext = createContext<{ readonly crumb: string | undefined; readonly setCrumb: (crumb: string | undefined) => void }>({ crumb: undefined, setCrumb: () => undefined });

export function CrumbProvider({ children }: { readonly children: ReactNode }) {
  const [crumb, setCrumb] = useState<string | undefined>(undefined);
  return <CrumbContext.Provider value={{ crumb, setCrumb }}>{children}</CrumbContext.Provider>;
}

export function useCrumbValue(): string | undefined {
  return useContext(CrumbContext).crumb;
}

/** Shows `label` as the last breadcrumb part while the calling page is on screen. */
export function useCrumb(label: string | undefined): void {
  const { setCrumb } = useContext(CrumbContext);
  useEffect(() => {
    setCrumb(label);
    return () => setCrumb(undefined);
  }, [label, setCrumb]);
}
