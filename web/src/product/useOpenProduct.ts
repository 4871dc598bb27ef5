import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useAuth } from '../account/auth';
import { uuidv7 } from '../events/event-id';
import { ClickProductMutation } from './queries';

const CLICKS_KEY = 'seedfeed.productClicks';

/** The product clicks of this tab, by product: a checkout credits the click that led to it, even after a reload. */
function readClicks(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(CLICKS_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function lastClickOf(productId: string): string | null {
  return readClicks()[productId] ?? null;
}

function rememberClick(productId: string, eventId: string): void {
  try {
    sessionStorage.setItem(CLICKS_KEY, JSON.stringify({ ...readClicks(), [productId]: eventId }));
  } catch {
    // Without storage the checkout falls back to the API's "last click wins".
  }
}

/**
 * A tap on a product card: records the click (signed-in only, the API's rule) and opens the product
 * page at once; the click is remembered only once the API has it, so a checkout never names one it refused.
 */
export function useOpenProduct(noteId: string): (productId: string) => void {
  const navigate = useNavigate();
  const { signedIn } = useAuth();
  const [, click] = useMutation(ClickProductMutation);
  return useCallback(
    (productId: string) => {
      if (signedIn) {
        const eventId = uuidv7();
        void click({ input: { eventId, productId, noteId } }).then((result) => {
          if (result.data?.clickProduct.clickId) rememberClick(productId, eventId);
        });
      }
      navigate(`/product/${productId}`);
    },
    [signedIn, click, navigate, noteId],
  );
}
