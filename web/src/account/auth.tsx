import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Provider, type Client, useMutation, useQuery } from 'urql';
import { createClient } from '../client';
import type { ViewerQuery as ViewerData } from '../gql/graphql';
import type { PlainMessageKey } from '../i18n/messages';
import { LogOutMutation, ViewerQuery } from '../queries';
import { readToken, writeToken } from '../session';

export type Viewer = NonNullable<ViewerData['viewer']>;

interface Auth {
  signedIn: boolean;
  viewer: Viewer | null;
  signIn(token: string): void;
  signOut(notice?: PlainMessageKey): void;
  /** Asks the API to end every session of the account (so a copied token stops working), then signs out here. */
  logOut(): Promise<void>;
  /** Why the person was signed out, shown once on the next page. */
  notice: PlainMessageKey | null;
  clearNotice(): void;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * The session: the token, the GraphQL client built for it and the viewer. A token the API refuses
 * (expired, or its account gone) signs the person out with a notice instead of failing every request.
 */
export function AuthProvider({ children, makeClient = createClient }: { children: ReactNode; makeClient?: typeof createClient }) {
  const [token, setToken] = useState(readToken);
  const [notice, setNotice] = useState<PlainMessageKey | null>(null);
  const signOut = useCallback((why?: PlainMessageKey) => {
    writeToken(null);
    setToken(null);
    setNotice(why ?? null);
  }, []);
  const signIn = useCallback((next: string) => {
    writeToken(next);
    setToken(next);
    setNotice(null);
  }, []);
  const clearNotice = useCallback(() => setNotice(null), []);
  // The token is what the client is for: a new token means a new client with an empty cache.
  const client = useMemo<Client>(
    () => makeClient({ onUnauthenticated: () => signOut('error.sessionExpired') }),
    [token, makeClient, signOut],
  );
  const signedIn = token !== null;
  return (
    <Provider value={client}>
      <ViewerLoader session={{ signedIn, signIn, signOut, notice, clearNotice }}>{children}</ViewerLoader>
    </Provider>
  );
}

function ViewerLoader({ children, session }: { session: Omit<Auth, 'viewer' | 'logOut'>; children: ReactNode }) {
  const [{ data }] = useQuery({ query: ViewerQuery, pause: !session.signedIn });
  const [, revoke] = useMutation(LogOutMutation);
  const viewer = session.signedIn ? (data?.viewer ?? null) : null;
  const { signedIn, signIn, signOut, notice, clearNotice } = session;
  // Signing out here never waits on the answer's outcome: a person who asked to leave is signed out even offline.
  const logOut = useCallback(async () => {
    await revoke({});
    signOut();
  }, [revoke, signOut]);
  const value = useMemo(
    () => ({ signedIn, signIn, signOut, logOut, notice, clearNotice, viewer }),
    [signedIn, signIn, signOut, logOut, notice, clearNotice, viewer],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
