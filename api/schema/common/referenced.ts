/**
 * The row behind a non-null field that a foreign key promises. Its absence is a broken invariant,
 * not the client's mistake, so it fails as an unexpected error, which is logged.
 */
export async function referenced<T>(loader: { load(id: string): Promise<T | undefined> }, id: string, what: string): Promise<T> {
  const row = await loader.load(id);
  if (row === undefined) throw new Error(`${what} ${id} is referenced but does not exist`);
  return row;
}
