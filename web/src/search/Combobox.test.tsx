import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Combobox, moveActive } from './Combobox';

afterEach(cleanup);

describe('moveActive', () => {
  it('wraps around both ends and starts from the typed text', () => {
    expect(moveActive(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(2, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(0, 'ArrowUp', 3)).toBe(2);
    expect(moveActive(-1, 'ArrowUp', 3)).toBe(2);
    expect(moveActive(1, 'ArrowUp', 3)).toBe(0);
    expect(moveActive(1, 'Home', 3)).toBe(1);
    expect(moveActive(0, 'ArrowDown', 0)).toBe(-1);
  });
});

function Harness({ onPick }: { onPick(option: string): void }) {
  const [value, setValue] = useState('');
  return (
    <Combobox
      label="Search"
      placeholder="Search notes"
      value={value}
      onValueChange={setValue}
      options={['口红推荐', '秋冬口红分享', '口红']}
      optionsLabel="Suggestions"
      onPick={onPick}
    />
  );
}

describe('Combobox', () => {
  it('moves through the options with the arrows, keeping focus in the box, and picks with Enter', () => {
    const onPick = vi.fn();
    render(<Harness onPick={onPick} />);
    const box = screen.getByRole('combobox', { name: 'Search' });
    box.focus();
    fireEvent.change(box, { target: { value: '口红' } });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('option')).toHaveLength(3);
    expect(box.getAttribute('aria-activedescendant')).toBeNull();

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const active = screen.getByRole('option', { selected: true });
    expect(active.textContent).toBe('秋冬口红分享');
    expect(box.getAttribute('aria-activedescendant')).toBe(active.id);
    expect(document.activeElement).toBe(box);

    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('口红');

    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith('口红');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes with Escape without picking, and reopens with an arrow', () => {
    const onPick = vi.fn();
    render(<Harness onPick={onPick} />);
    const box = screen.getByRole('combobox');
    box.focus();
    fireEvent.change(box, { target: { value: '口' } });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryAllByRole('option')).toHaveLength(0);

    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('口红');
    expect(onPick).not.toHaveBeenCalled();
  });

  it('leaves Enter to the form when no option is active', () => {
    const onPick = vi.fn();
    render(<Harness onPick={onPick} />);
    const box = screen.getByRole('combobox');
    box.focus();
    fireEvent.change(box, { target: { value: '口红' } });
    // Not prevented: the browser submits the search form with the typed text.
    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(true);
    expect(onPick).not.toHaveBeenCalled();
  });

  it('picks an option on click', () => {
    const onPick = vi.fn();
    render(<Harness onPick={onPick} />);
    const box = screen.getByRole('combobox');
    box.focus();
    fireEvent.change(box, { target: { value: '口' } });
    fireEvent.click(screen.getByRole('option', { name: '秋冬口红分享' }));
    expect(onPick).toHaveBeenCalledWith('秋冬口红分享');
  });
});
