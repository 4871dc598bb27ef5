import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Depth of the deepest field path of the operation to run, following fragments (each fragment
 * once per path, so cyclic spreads cannot loop). Apollo replaces the codes of validation errors,
 * so this runs as a plugin check after validation, where QUERY_TOO_DEEP survives.
 */
export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const depthOf = (set: SelectionSetNode | undefined, depth: number, visiting: ReadonlySet<string>): number => {
    if (!set) return depth;
    let deepest = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!sel.name.value.startsWith('__')) deepest = Math.max(deepest, depthOf(sel.selectionSet, depth + 1, visiting));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(sel.selectionSet, depth, visiting));
      } else if (!visiting.has(sel.name.value)) {
        const fragment = fragments.get(sel.name.value);
        deepest = Math.max(deepest, depthOf(fragment?.selectionSet, depth, new Set([...visiting, sel.name.value])));
      }
    }
    return deepest;
  };
  let deepest = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && def.name?.value !== operationName) continue;
    deepest = Math.max(deepest, depthOf(def.selectionSet, 0, new Set()));
  }
  return deepest;
}

/** Cost of a field: 1 plus its children, times the page size for paginated lists. */
export const pageAwareEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : 1;
  return 1 + childComplexity * first;
};
