import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { authHeaders } from '../session';
import { ImpressionWatcher } from './impressions';
import { EventTracker, graphqlSender } from './tracker';

interface Events {
  tracker: EventTracker;
  impressions: ImpressionWatcher;
}

const EventsContext = createContext<Events | null>(null);

export function EventsProvider({ children, tracker: given }: { children: ReactNode; tracker?: EventTracker }) {
  const [events] = useState<Events>(() => {
    const tracker = given ?? new EventTracker({ send: graphqlSender('/graphql', authHeaders) });
    return { tracker, impressions: new ImpressionWatcher((noteId) => tracker.impression(noteId)) };
  });
  useEffect(() => events.tracker.start(), [events]);
  return <EventsContext.Provider value={events}>{children}</EventsContext.Provider>;
}

export function useEvents(): Events {
  const value = useContext(EventsContext);
  if (!value) throw new Error('useEvents outside EventsProvider');
  return value;
}
