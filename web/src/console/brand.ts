import { createContext, createElement, useCallback, useContext, useState, type ReactNode } from 'react';
import { useAuth } from '../account/auth';

export interface ConsoleBrand {
  id: string;
  name: string;
}

const CHOSEN_KEY = 'seedfeed.consoleBrand';

interface Choice {
  chosen: ConsoleBrand | null;
  choose(brand: ConsoleBrand | null): void;
}

const ChoiceContext = createContext<Choice>({ chosen: null, choose: () => undefined });

function storedChoice(): ConsoleBrand | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(CHOSEN_KEY) ?? 'null') as ConsoleBrand | null;
    return parsed && typeof parsed.id === 'string' && typeof parsed.name === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** The brand an admin has chosen to look at, kept for the tab's session so that a reload stays on it. */
export function BrandChoiceProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState(storedChoice);
  const choose = useCallback((brand: ConsoleBrand | null) => {
    setChosen(brand);
    try {
      if (brand) sessionStorage.setItem(CHOSEN_KEY, JSON.stringify(brand));
      else sessionStorage.removeItem(CHOSEN_KEY);
    } catch {
      // Without storage the choice lasts until the page is left.
    }
  }, []);
  return createElement(ChoiceContext.Provider, { value: { chosen, choose } }, children);
}

/** The brand whose console this is: a brand account's own, or the one an admin chose (none until they choose). */
export function useBrand(): ConsoleBrand | null {
  const { viewer } = useAuth();
  const { chosen } = useContext(ChoiceContext);
  if (viewer?.brand) return viewer.brand;
  return viewer?.role === 'ADMIN' ? chosen : null;
}

/** Whether the signed-in account owns the console's brand: only the owner acts for it (products, deals, secrets). */
export function useOwnsBrand(): boolean {
  const { viewer } = useAuth();
  const brand = useBrand();
  return brand !== null && viewer?.brand?.id === brand.id;
}

export function useChooseBrand(): (brand: ConsoleBrand | null) => void {
  return useContext(ChoiceContext).choose;
}
