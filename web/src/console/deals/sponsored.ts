import type { ConsoleDealNoteFragment, ConsoleDealNotesQuery } from '../../gql/graphql';

/** The notes tagging the brand's products that it confirmed sponsoring, each once (a note may tag several products). */
export function sponsoredNotes(data: ConsoleDealNotesQuery | undefined, brandId: string): ConsoleDealNoteFragment[] {
  const seen = new Map<string, ConsoleDealNoteFragment>();
  for (const product of data?.viewer?.brand?.products.edges ?? [])
    for (const { node } of product.node.notes.edges) if (node.sponsor?.id === brandId) seen.set(node.id, node);
  return [...seen.values()];
}
