/**
 * The parts of the small forms that take one step on a record (a case, an assessment): the form
 * with its title, the refusal shown beside it and its button, and its fields, each marked invalid
 * when the API's refusal names it.
 */
import type { ComponentChildren } from 'preact';
import { Outcome, type Action } from './formParts.js';

/** What a field's input says, for `aria-invalid`. */
export const invalid = (action: Action, path: string) => (action.error?.fieldMessage(path) ? true : undefined);

/** The value of the input, select or text area an event came from. */
export const inputValue = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;

/** A step's form: its title, its fields, the refusal next to it, and its button. */
export const StepForm = ({ id, title, action, button, onSubmit, children }: { id: string; title: string; action: Action; button: string; onSubmit: () => void; children: ComponentChildren }) => (
  <form
    class="inline-form"
    aria-labelledby={`${id}-title`}
    onSubmit={(e) => {
      e.preventDefault();
      onSubmit();
    }}
  >
    <h4 id={`${id}-title`}>{title}</h4>
    {children}
    <Outcome action={action} done={false} />
    <button type="submit" class="primary" disabled={action.busy}>
      {button}
    </button>
  </form>
);

/** A date of a step, not before `min` when given. */
export const DateField = ({ id, label, value: date, min, onChange, action, path }: { id: string; label: string; value: string; min?: string; onChange: (date: string) => void; action: Action; path: string }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <input id={id} type="date" required min={min} value={date} aria-invalid={invalid(action, path)} onInput={(e) => onChange(inputValue(e))} />
  </div>
);

/** A text of a step, required unless said otherwise. */
export const TextField = ({ id, label, value: text, required = true, onChange, action, path, rows = 2 }: { id: string; label: string; value: string; required?: boolean; onChange: (text: string) => void; action: Action; path: string; rows?: number }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <textarea id={id} rows={rows} required={required} value={text} aria-invalid={invalid(action, path)} onInput={(e) => onChange(inputValue(e))} />
  </div>
);
