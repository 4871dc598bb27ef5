import { useAuth } from '../account/auth';

/** The signed-in account's brand: the console shows that brand's figures (an admin without one has none to show). */
export function useBrand(): { id: string; name: string } | null {
  return useAuth().viewer?.brand ?? null;
}
