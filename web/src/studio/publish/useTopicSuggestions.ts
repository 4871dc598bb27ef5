import { useQuery } from 'urql';
import { TOPICS } from '../../explore/channels';
import { graphql } from '../../gql';

const TopicSuggestionsQuery = graphql(`
  query TopicSuggestions($prefix: String!) {
    topics(prefix: $prefix, first: 8) {
      name
      noteCount
    }
  }
`);

/**
 * Topics starting with what follows the # being typed (none when no # is being typed): the ones notes use most first,
 * then the feed's channels, which a new platform's creators should find before anyone has used them.
 */
export function useTopicSuggestions(prefix: string | null): string[] {
  const lower = prefix?.toLowerCase() ?? '';
  const [{ data }] = useQuery({ query: TopicSuggestionsQuery, variables: { prefix: lower }, pause: prefix === null });
  if (prefix === null) return [];
  const used = (data?.topics ?? []).map((topic) => topic.name).filter((name) => name.startsWith(lower));
  const channels = TOPICS.filter((topic) => topic.startsWith(lower));
  return [...new Set([...used, ...channels])].filter((topic) => topic !== lower).slice(0, 8);
}
