// Auto-layout, left to right: each activity in the column of its longest path from the start (back edges of
// loops ignored), rows in the order activities are reached. Same spacing as the shipped definitions.
export const COLUMN = 260;
export const ROW = 120;

export function layered(ids, edges, startId) {
  const next = new Map(ids.map((id) => [id, []]));
  for (const e of edges) if (next.has(e.source) && next.has(e.target)) next.get(e.source).push(e.target);

  // Depth-first order from the start, then the rest; edges to an ancestor on the stack are back edges.
  const state = new Map();
  const forward = new Map(ids.map((id) => [id, []]));
  const order = [];
  const visit = (root) => {
    const stack = [[root, 0]];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [id, i] = top;
      const targets = next.get(id);
      if (i < targets.length) {
        top[1]++;
        const t = targets[i];
        if (!state.has(t)) { forward.get(id).push(t); state.set(t, 1); stack.push([t, 0]); }
        else if (state.get(t) === 2) forward.get(id).push(t);
      } else {
        state.set(id, 2);
        order.push(id);
        stack.pop();
      }
    }
  };
  if (startId && next.has(startId)) visit(startId);
  for (const id of ids) if (!state.has(id)) visit(id);
  order.reverse(); // topological order of the forward edges

  const column = new Map(ids.map((id) => [id, 0]));
  for (const id of order) for (const t of forward.get(id)) column.set(t, Math.max(column.get(t), column.get(id) + 1));

  // Rows: the first child of a node keeps the parent's row when free (the main path stays straight).
  const rows = new Map();
  const used = new Map();
  const take = (col, wanted) => {
    const set = used.get(col) || new Set();
    used.set(col, set);
    let r = wanted;
    while (set.has(r)) r++;
    set.add(r);
    return r;
  };
  const byColumn = [...order].sort((a, b) => column.get(a) - column.get(b));
  for (const id of byColumn) {
    if (rows.has(id)) continue;
    rows.set(id, take(column.get(id), 0));
    let current = id;
    for (;;) {
      const child = forward.get(current).find((t) => !rows.has(t) && column.get(t) === column.get(current) + 1);
      if (!child) break;
      rows.set(child, take(column.get(child), rows.get(current)));
      current = child;
    }
  }
  const result = new Map();
  for (const id of ids) result.set(id, { x: column.get(id) * COLUMN, y: (rows.get(id) || 0) * ROW });
  return result;
}
