/** A topic as stored and looked up: `#Travel ` and `travel` are one topic. */
export function normaliseTopic(topic: string): string {
  return topic.trim().replace(/^#+/, '').toLowerCase();
}
