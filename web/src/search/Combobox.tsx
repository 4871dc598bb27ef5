import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

/** The option a key moves to: arrows wrap around, and -1 means none (the typed text). */
export function moveActive(active: number, key: string, count: number): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return active >= count - 1 ? 0 : active + 1;
  if (key === 'ArrowUp') return active <= 0 ? count - 1 : active - 1;
  return active;
}

interface ComboboxProps {
  label: string;
  placeholder: string;
  value: string;
  onValueChange(value: string): void;
  options: readonly string[];
  optionsLabel: string;
  /** A chosen option (click, or arrows then Enter). Enter without an active option submits the form instead. */
  onPick(option: string): void;
  /** Shown under the options while the list is open, e.g. a button to clear them. */
  footer?: ReactNode;
}

/**
 * A text box with a list of options (the ARIA 1.2 combobox pattern): focus stays in the box while
 * the arrows move the active option, Enter picks it, Escape closes the list.
 */
export function Combobox({ label, placeholder, value, onValueChange, options, optionsLabel, onPick, footer }: ComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && options.length > 0;

  const pick = (option: string) => {
    setOpen(false);
    setActive(-1);
    onPick(option);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : options.length - 1);
      } else setActive(moveActive(active, event.key, options.length));
    } else if (event.key === 'Enter' && expanded && options[active] !== undefined) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div
      className="combobox"
      onBlur={(event) => {
        // Tabbing to the footer's button keeps the list open; leaving the widget closes it.
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="input search-input"
        type="search"
        name="q"
        role="combobox"
        autoComplete="off"
        enterKeyHint="search"
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <div className="combobox-popup" hidden={!expanded}>
        <ul id={listId} role="listbox" aria-label={optionsLabel} className="combobox-list">
          {expanded &&
            options.map((option, index) => (
              <li
                key={option}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
                className="combobox-option"
                // Keeps focus in the box, so the click lands before the list closes on blur.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(option)}
              >
                {option}
              </li>
            ))}
        </ul>
        {expanded && footer && (
          <div className="combobox-footer" onMouseDown={(event) => event.preventDefault()}>
            {footer}
          </div>
        )}
      </div>
    </div>
  );
}
