// Reading and writing the answer form's fields, as [name, value] pairs the save queue stores.

/** The answer the form holds, without the fields that say where it goes (question, sequence). */
export function fieldsOf(form) {
  const data = new FormData(form);
  data.delete('go');
  data.delete('seq');
  data.delete('q');
  return [...data.entries()].map(([k, v]) => [k, String(v)]);
}

/** Puts an answer kept on this device back into the form. */
export function restore(form, fields) {
  for (const el of form.elements) {
    if (!el.name || el.name === 'q' || el.name === 'seq') continue;
    const values = fields.filter(([k]) => k === el.name).map(([, v]) => v);
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = values.includes(el.value);
    else if (el.tagName === 'SELECT' || el.type === 'text' || el.tagName === 'TEXTAREA') el.value = values[0] ?? '';
  }
}

/**
 * What keeps an ordering from being an answer yet, or null. An ordering is an answer only once
 * every item has its own position (or none has one): the states in between are the candidate
 * still choosing, not something to save.
 */
export function orderingProblem(form) {
  const selects = [...form.querySelectorAll('.order-list select')];
  if (selects.length === 0) return null;
  const values = selects.map((s) => s.value).filter((v) => v !== '');
  if (values.length === 0) return null;
  if (values.length < selects.length) return 'Give every item a position to save this answer.';
  if (new Set(values).size < values.length) return 'Each position can be used only once.';
  return null;
}
