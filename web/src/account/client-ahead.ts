import type { Client } from 'urql';
import type { createClient } from '../client';
import { readToken } from '../session';

type MakeClient = typeof createClient;

/**
 * Makes the session's first client now, before React renders, and gives it `warm` (the page's first query): the
 * browser then sends that request while the app renders instead of after. The session takes this client as its own
 * while the stored token is still the one it was made for; any later session gets a new client.
 */
export function clientAhead(make: MakeClient, warm: (client: Client) => void): MakeClient {
  const token = readToken();
  let onUnauthenticated: () => void = () => undefined;
  let ahead: Client | null = make({ onUnauthenticated: () => onUnauthenticated() });
  warm(ahead);
  return (options) => {
    if (ahead && readToken() === token) {
      onUnauthenticated = options.onUnauthenticated;
      return ahead;
    }
    ahead = null;
    return make(options);
  };
}
