import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useTopicSuggestions } from './useTopicSuggestions';

export const MAX_BODY = 5000;
/** notes/notes.inputs.ts: at most 10 topics of 1–30 characters. */
const MAX_TOPICS = 10;
const TOPIC_PATTERN = /#([\p{L}\p{N}_]{1,30})/gu;
/** The #word being typed just before the caret. */
const TYPING = /#([\p{L}\p{N}_]*)$/u;

/** The #topics of a body, as the API stores them (lower-case, each once). */
export function topicsOf(body: string): string[] {
  return [...new Set([...body.matchAll(TOPIC_PATTERN)].map((match) => (match[1] ?? '').toLowerCase()))].slice(0, MAX_TOPICS);
}

/** The body, with topics suggested while a #word is being typed; a suggestion replaces the word. */
export function BodyField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const typing = TYPING.exec(value.slice(0, caret));
  const prefix = typing ? (typing[1] ?? '') : null;
  const suggestions = useTopicSuggestions(prefix);

  const choose = (topic: string) => {
    if (!typing) return;
    const start = caret - typing[0].length;
    const next = `${value.slice(0, start)}#${topic} ${value.slice(caret)}`;
    onChange(next);
    const at = start + topic.length + 2;
    setCaret(at);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(at, at);
    });
  };

  return (
    <div className="field">
      <label htmlFor={id}>{t('studio.body')}</label>
      <textarea
        ref={area}
        id={id}
        className="input"
        rows={6}
        maxLength={MAX_BODY}
        value={value}
        aria-describedby={`${id}-hint`}
        data-testid="note-body"
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
      />
      <span id={`${id}-hint`} className="muted small">
        {t('studio.bodyHint', { count: value.length, max: MAX_BODY })}
      </span>
      {suggestions.length > 0 && (
        <div className="chips topic-suggestions" role="group" aria-label={t('studio.topics.suggested')}>
          {suggestions.map((topic) => (
            <button key={topic} type="button" className="chip" data-testid="topic-suggestion" onClick={() => choose(topic)}>
              #{topic}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
