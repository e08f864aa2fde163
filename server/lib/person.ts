/** A user as answers show them: id and name, or null when nobody; a deleted name falls back to the id. */
export const person = (id: number | null, name: string | null) =>
  id === null ? null : { id, name: name ?? `Người dùng #${id}` };
