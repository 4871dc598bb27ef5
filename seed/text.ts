import { COMMENTS, NOTE_CLOSERS, NOTE_OPENERS, PHRASES, REPLIES, SHARED_SLOTS, type Lang, type Topic } from './phrases';
import type { Random } from './random';

/** Fills {slot}s of one piece of text, choosing each slot's value once. */
class SlotFiller {
  private readonly chosen = new Map<string, string>();

  constructor(
    private readonly random: Random,
    private readonly slots: Record<string, readonly string[]>,
  ) {}

  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      let value = this.chosen.get(name);
      if (value === undefined) {
        const options = this.slots[name];
        value = name === 'n' ? String(this.random.int(2, 9)) : this.random.pick(options ?? [name]);
        this.chosen.set(name, value);
      }
      return value;
    });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function composeNote(random: Random, topic: Topic, lang: Lang): { title: string; body: string } {
  const phrases = PHRASES[topic];
  const filler = new SlotFiller(random, { ...SHARED_SLOTS[lang], ...phrases.slots[lang] });
  const title = filler.fill(random.pick(phrases.titles[lang]));
  // Slots such as {season} can open a sentence, so English sentences are capitalised once filled.
  const sentences = random
    .sample(phrases.sentences[lang], random.int(2, 4))
    .map((s) => (lang === 'en' ? capitalise(filler.fill(s)) : filler.fill(s)));
  const lines = [
    ...(random.chance(0.6) ? [random.pick(NOTE_OPENERS[lang])] : []),
    sentences.join(lang === 'zh' ? '' : ' '),
    random.pick(NOTE_CLOSERS[lang]),
  ];
  return { title: lang === 'en' ? capitalise(title) : title, body: lines.join('\n') };
}

export function composeProduct(random: Random, topic: Topic, lang: Lang, brandName: string): { title: string; description: string } {
  const phrases = PHRASES[topic];
  const [zh, en] = random.pick(phrases.products);
  return {
    title: `${brandName} ${lang === 'zh' ? zh : en}`,
    description: random.pick(phrases.productPitch[lang]),
  };
}

export function composeComment(random: Random, lang: Lang, isReply: boolean): string {
  return random.pick((isReply ? REPLIES : COMMENTS)[lang]);
}
