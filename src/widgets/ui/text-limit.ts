// The kit's limit on a text field (limits in src/viz/shared/input-limits.ts). Text the reader adds
// (a paste, a drop, a keystroke) that would make the field longer than it takes is not added,
// and the field says so under itself: how much, and what it takes (never a maxlength cutting a
// paste short without a word). The message is tied to the field (aria-describedby, aria-invalid)
// and spoken once, one sentence (one polite live region for the page). Refusing up front keeps the work small:
// Chromium's own editing needs about a second to put a megabyte into a text field, and minutes
// for a number field. A large paste that fits (a dataset) is put in place directly, for the same
// reason, and so is a large selection replaced or deleted, and a select-all (Ctrl or Cmd+A) of
// a long text is done by select() (Chromium's select-all command takes most of a minute on a
// text area of 20,000 lines, select() a tenth of a second). A field may offer to hold a paste or
// drop too large to show (`hold`): such text is not put into the field at all (laying out a
// text area of a megabyte is itself seconds of work) but handed to the widget, which keeps it
// and shows a summary in its place. Text that arrives longer anyway (typed before the widget
// came to life) stays in the field with a message, and the widget never sees it: its input
// events stop here, so nothing is computed from it until it is short enough.
import type { Attachment } from 'svelte/attachments';
import { bulkInsert, lengthProblem, notAddedProblem, planEdit } from '../../viz/shared/input-limits.ts';

type TextField = HTMLInputElement | HTMLTextAreaElement;

let made = 0;

/** The page's one live region for these messages (outside every widget, so a widget's own region stays its own). */
function voice(): HTMLElement {
  let region = document.querySelector<HTMLElement>('[data-field-limit-voice]');
  if (!region) {
    region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('aria-live', 'polite');
    region.dataset.fieldLimitVoice = '';
    document.body.append(region);
  }
  return region;
}

export type TextLimitOptions = {
  /** Take text added in one go (a paste, a drop) longer than holdInsert characters instead of the field: the whole text the field would then hold. */
  hold?: (text: string) => void;
};

/** Hold `field` to at most `max` characters, as described above. */
export function textLimit(max: number, options: TextLimitOptions = {}): Attachment<TextField> {
  const { hold } = options;
  return (field) => {
    const note = document.createElement('span');
    note.id = `${field.id || 'field'}-limit-${++made}`;
    note.className = 'field-limit';
    note.dataset.fieldLimit = '';
    field.after(note);
    /** The field's own description and validity, put back once the text fits again; null while it fits. */
    let saved: { describedBy: string | null; invalid: string | null } | null = null;

    const show = (message: string) => {
      if (!saved) saved = { describedBy: field.getAttribute('aria-describedby'), invalid: field.getAttribute('aria-invalid') };
      field.setAttribute('aria-describedby', [note.id, saved.describedBy].filter(Boolean).join(' '));
      field.setAttribute('aria-invalid', 'true');
      if (note.textContent !== message) {
        note.textContent = message;
        voice().textContent = message; // one sentence, spoken once
      }
    };
    const restore = (name: string, value: string | null) => (value === null ? field.removeAttribute(name) : field.setAttribute(name, value));
    const check = (event?: Event) => {
      const problem = lengthProblem(field.value.length, max);
      if (problem) {
        event?.stopImmediatePropagation(); // the widget keeps its last usable value
        show(problem.message);
      } else if (saved) {
        restore('aria-describedby', saved.describedBy);
        restore('aria-invalid', saved.invalid);
        saved = null;
        note.textContent = '';
      }
    };
    const adding = (e: Event) => {
      const event = e as InputEvent;
      const type = event.inputType;
      const inserting = type.startsWith('insert');
      if (!(inserting || type.startsWith('delete')) || !event.cancelable) return;
      const start = field.selectionStart ?? field.value.length;
      const end = field.selectionEnd ?? start;
      const added = type === 'insertLineBreak' ? '\n'
        : inserting ? event.data ?? event.dataTransfer?.getData('text/plain') ?? ''
        : start === end ? null : ''; // a deletion at the caret is the browser's (one character, one word)
      const plan = planEdit({ length: field.value.length, start, end, added }, max, hold !== undefined);
      if (plan === 'browser') return;
      event.preventDefault();
      const text = added ?? '';
      if (plan === 'refuse') {
        show(notAddedProblem(text.length, field.value.length - (end - start) + text.length, max).message);
      } else if (plan === 'hold') {
        hold!(field.value.slice(0, start) + text + field.value.slice(end));
      } else {
        field.setRangeText(text, start, end, 'end');
        field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: type }));
      }
    };
    const selectingAll = (event: Event) => {
      const e = event as KeyboardEvent;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a' && field.value.length > bulkInsert) {
        e.preventDefault();
        field.select();
      }
    };
    // capture, on the field itself: these run before the widget's own listeners there
    field.addEventListener('keydown', selectingAll, { capture: true });
    field.addEventListener('beforeinput', adding, { capture: true });
    field.addEventListener('input', check, { capture: true });
    field.addEventListener('change', check, { capture: true });
    check(); // text typed before the widget came to life
    return () => {
      field.removeEventListener('keydown', selectingAll, { capture: true });
      field.removeEventListener('beforeinput', adding, { capture: true });
      field.removeEventListener('input', check, { capture: true });
      field.removeEventListener('change', check, { capture: true });
      note.remove();
    };
  };
}
