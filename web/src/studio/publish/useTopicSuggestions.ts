import { TOPICS } from '../../explore/channels';

/**
 * Topics starting with what follows the # being typed (null when no # is being typed). The API has no topic search
 * yet (topics(prefix) is on its way): until then the six sign-up topics are what the feed's channels know.
 */
export function useTopicSuggestions(prefix: string | null): string[] {
  if (prefix === null) return [];
  const lower = prefix.toLowerCase();
  return TOPICS.filter((topic) => topic.startsWith(lower) && topic !== lower);
}
