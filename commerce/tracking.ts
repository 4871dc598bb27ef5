/** The query parameter that carries a product click's id to the brand's shop, which reports it back with the order. */
export const CLICK_PARAMETER = 'sf_click';

/** The brand's product URL with the click's tracking parameter, keeping the URL's own parameters and fragment. */
export function trackedUrl(buyUrl: string, clickId: string): string {
  try {
    const url = new URL(buyUrl);
    url.searchParams.set(CLICK_PARAMETER, clickId);
    return url.toString();
  } catch {
    return buyUrl;
  }
}
