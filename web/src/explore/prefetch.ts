import type { Client } from 'urql';
import { FeedQuery, TopicFeedQuery } from '../queries';
import { readToken } from '../session';
import type { NoteCardFieldsFragment } from '../gql/graphql';
import { channelOf } from './channels';
import { coverOf } from './cover';
import { feedVariables, topicFeedVariables } from './useFeed';
import { layoutNotes } from './Waterfall';

// The first screen and what a first flick brings into it.
const WARMED_SCREENS = 1.5;
// Held until loaded: a request is not started for an image nothing refers to.
const warming: HTMLImageElement[] = [];

/**
 * Asks for the explore page's first cards as soon as the session's client exists, instead of after the whole page has
 * rendered: the feed's own query (same document, same variables) then finds the answer in flight or in the cache.
 */
export function prefetchExplore(client: Client, at: Location = window.location): void {
  if (at.pathname !== '/') return;
  const channel = channelOf(new URLSearchParams(at.search));
  // Errors are the feed's to show, when its own query meets them.
  const ignore = () => undefined;
  if ('topic' in channel) {
    void client
      .query(TopicFeedQuery, topicFeedVariables(channel, null))
      .toPromise()
      .then((result) => warmCovers(result.data?.topic.notes.edges.map((edge) => edge.node) ?? []), ignore);
  } else if (channel.kind !== 'FOLLOWING' || readToken() !== null) {
    void client
      .query(FeedQuery, feedVariables(channel, null))
      .toPromise()
      .then((result) => warmCovers(result.data?.feed.edges.map((edge) => edge.node) ?? []), ignore);
  }
}

/**
 * Starts the covers of the first cards (WARMED_SCREENS) loading as soon as the first page is known, with the same source, set
 * and size their cards' images will have: the cards, rendered later, then find them loaded. Only once the page's grid
 * exists, whose width decides the sizes; before it, the first render holds the cards themselves.
 */
function warmCovers(notes: NoteCardFieldsFragment[]): void {
  const width = document.querySelector('.waterfall')?.clientWidth;
  if (!width) return;
  const { boxes } = layoutNotes(notes, width);
  boxes.forEach((box, index) => {
    const note = notes[index];
    if (!note || box.top >= window.innerHeight * WARMED_SCREENS) return;
    const cover = coverOf(note);
    if (!cover.src) return;
    const image = new Image();
    image.fetchPriority = 'high';
    // Sizes before the set, and the set before the source: each change picks a candidate, and a wrong one is fetched.
    image.sizes = `${Math.round(box.width)}px`;
    if (cover.srcSet) image.srcset = cover.srcSet;
    image.src = cover.src;
    warming.push(image);
    const done = () => warming.splice(warming.indexOf(image), 1);
    image.addEventListener('load', done, { once: true });
    image.addEventListener('error', done, { once: true });
  });
}
