/**
 * Resolves once `check` holds, trying every 20 ms for up to 2 s, for what arrives asynchronously
 * through Redis (a published message, a subscriber's reconnect); throws when it never does.
 */
export async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('not within 2 s');
}
