// Elsa 3 definition JSON as the designer edits it. Each activity and connection keeps the JSON object it
// was read from, so a definition written back is the same JSON except for what the coordinator changed:
// unknown members, the wrapped or bare form of each input, flat or nested connections, key order.

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 60;

export function prop(obj, name) {
  if (!obj || typeof obj !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name];
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

function keyOf(obj, name) {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return name;
  return Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
}

export const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** The value of an input as text for the property panel ('' when absent); Elsa's literal wrapper unwrapped. */
export function readInput(activity, name) {
  const raw = prop(activity, name);
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const expression = prop(raw, 'expression');
    const value = expression ? prop(expression, 'value') : undefined;
    return value === undefined || value === null ? '' : String(value);
  }
  return String(raw);
}

/** A copy of the activity with input `name` set to `text` ('' removes it), in the form it was written in. */
export function writeInput(activity, name, kind, text) {
  const result = clone(activity);
  const key = keyOf(result, name);
  if (text === '' || text === null || text === undefined) {
    if (key !== undefined) delete result[key];
    return result;
  }
  const existing = key === undefined ? undefined : result[key];
  if (existing && typeof existing === 'object' && !Array.isArray(existing) && prop(existing, 'expression')) {
    const expression = prop(existing, 'expression');
    expression[keyOf(expression, 'value') || 'value'] = String(text);
    return result;
  }
  let value = text;
  if (kind === 'number' && /^-?\d+$/.test(text.trim())) value = Number(text.trim());
  else if (kind === 'boolean' && (text === 'true' || text === 'false')) value = text === 'true';
  result[key || name] = value;
  return result;
}

/** The expression language an input is written in: 'Literal' for a bare value or a Literal wrapper. */
export function inputLanguage(activity, name) {
  const raw = prop(activity, name);
  const expression = raw && typeof raw === 'object' && !Array.isArray(raw) ? prop(raw, 'expression') : undefined;
  const type = expression ? prop(expression, 'type') : undefined;
  return type ? String(type) : 'Literal';
}

/** A copy of the activity with input `name` written as an Elsa expression of `language` (JavaScript, Liquid),
 * keeping the wrapper's other fields; 'Literal' writes the text as a bare value. */
export function writeExpression(activity, name, kind, language, text) {
  if (language === 'Literal') {
    const bare = clone(activity);
    const key = keyOf(bare, name);
    if (key !== undefined) delete bare[key];
    return writeInput(bare, name, kind, text);
  }
  const result = clone(activity);
  const key = keyOf(result, name);
  const existing = key === undefined ? undefined : result[key];
  const wrapper = existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : { typeName: kind === 'boolean' ? 'Boolean' : 'String' };
  const expression = prop(wrapper, 'expression') || {};
  expression[keyOf(expression, 'type') || 'type'] = language;
  expression[keyOf(expression, 'value') || 'value'] = String(text ?? '');
  wrapper[keyOf(wrapper, 'expression') || 'expression'] = expression;
  result[key || name] = wrapper;
  return result;
}

export function setDisplayName(activity, text) {
  const result = clone(activity);
  const key = keyOf(result, 'displayName');
  if (!text) {
    if (key !== undefined) delete result[key];
  } else if (key !== undefined) {
    result[key] = text;
  } else {
    // After id and type, where Elsa writes it.
    const entries = Object.entries(result);
    const at = Math.min(entries.length, 2);
    entries.splice(at, 0, ['displayName', text]);
    return Object.fromEntries(entries);
  }
  return result;
}

export function positionOf(activity) {
  const designer = prop(prop(activity, 'metadata'), 'designer');
  const position = prop(designer, 'position');
  if (position && typeof position.x === 'number' && typeof position.y === 'number') return { x: position.x, y: position.y };
  return null;
}

export function withPosition(activity, position) {
  const result = clone(activity);
  const metaKey = keyOf(result, 'metadata') || 'metadata';
  const metadata = result[metaKey] && typeof result[metaKey] === 'object' ? result[metaKey] : (result[metaKey] = {});
  const designerKey = keyOf(metadata, 'designer') || 'designer';
  const designer = metadata[designerKey] && typeof metadata[designerKey] === 'object' ? metadata[designerKey] : (metadata[designerKey] = {});
  designer[keyOf(designer, 'position') || 'position'] = { x: Math.round(position.x), y: Math.round(position.y) };
  return result;
}

/** The endpoints of a connection in either of Elsa's forms; a missing port is Done at the source, In at the target. */
export function endpoints(connection) {
  const one = (name, flatName, fallback) => {
    const node = prop(connection, name);
    const flat = prop(connection, flatName);
    if (node && typeof node === 'object') return { activity: prop(node, 'activity') || null, port: prop(node, 'port') || flat || fallback };
    return { activity: typeof node === 'string' && node ? node : null, port: flat || fallback };
  };
  return { source: one('source', 'sourcePort', 'Done'), target: one('target', 'targetPort', 'In') };
}

export function newConnection(source, sourcePort, target) {
  return { source: { activity: source, port: sourcePort }, target: { activity: target, port: 'In' } };
}

export function activitiesOf(definition) {
  const root = prop(definition, 'root');
  const list = prop(root, 'activities');
  return Array.isArray(list) ? list : [];
}

export function connectionsOf(definition) {
  const root = prop(definition, 'root');
  const list = prop(root, 'connections');
  return Array.isArray(list) ? list : [];
}

/** A copy of `base` whose root.activities and root.connections are the given lists (other members as they were). */
export function compose(base, activities, connections, topLevel) {
  const result = clone(base);
  for (const [name, value] of Object.entries(topLevel || {})) {
    const key = keyOf(result, name);
    if (value === undefined || value === '') {
      if (key !== undefined && value === '') delete result[key];
    } else {
      result[key || name] = value;
    }
  }
  const rootKey = keyOf(result, 'root') || 'root';
  const root = result[rootKey] && typeof result[rootKey] === 'object' ? result[rootKey] : (result[rootKey] = { id: 'Flowchart1', type: 'Elsa.Flowchart' });
  root[keyOf(root, 'activities') || 'activities'] = activities;
  const hadConnections = keyOf(root, 'connections') !== undefined;
  if (hadConnections || connections.length > 0) root[keyOf(root, 'connections') || 'connections'] = connections;
  return result;
}

/** An id for a new activity of `type`, unused in `taken`: "send-reminder-1". */
export function newActivityId(type, taken) {
  const base = type.replace(/^[^.]*\./, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
