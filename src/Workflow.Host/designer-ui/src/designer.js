// The workflow designer: palette, X6 canvas, property panel, problems, dry run, versions and diff.
import { Graph, Dnd, History, Selection, Snapline } from '@antv/x6';
import { ApiError } from './api.js';
import { h, clear, scrollBox, formatDateTime, formatDay, download } from './dom.js';
import {
  NODE_WIDTH, NODE_HEIGHT, prop, clone, readInput, writeInput, inputLanguage, writeExpression, setDisplayName, positionOf, withPosition,
  endpoints, newConnection, activitiesOf, connectionsOf, compose, newActivityId,
} from './model.js';
import { layered } from './layout.js';

const COLORS = {
  'Bắt đầu và kết thúc': '#2f6f3e',
  'Chờ': '#7a5a00',
  'Rẽ nhánh': '#5b3f8c',
  'Gửi thư': '#1f4e8c',
};

let shapesRegistered = false;
function registerShapes() {
  if (shapesRegistered) return;
  shapesRegistered = true;
  Graph.registerNode('cchc-activity', {
    inherit: 'rect',
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    markup: [
      { tagName: 'rect', selector: 'body' },
      { tagName: 'rect', selector: 'stripe' },
      { tagName: 'text', selector: 'label' },
      { tagName: 'text', selector: 'sub' },
      { tagName: 'text', selector: 'problem' },
    ],
    attrs: {
      body: { refWidth: '100%', refHeight: '100%', rx: 6, ry: 6, fill: '#ffffff', stroke: '#8a94a6', strokeWidth: 1.5 },
      stripe: { width: 6, refHeight: '100%', rx: 3, fill: '#1f4e8c' },
      label: {
        refX: 14, refY: 10, textAnchor: 'start', textVerticalAnchor: 'top', fontSize: 13, fontWeight: 600, fill: '#1b2430',
        textWrap: { width: -22, height: 34, ellipsis: true },
      },
      sub: {
        refX: 14, refY: '100%', refY2: -8, textAnchor: 'start', textVerticalAnchor: 'bottom', fontSize: 11, fill: '#5a6475',
        textWrap: { width: -22, height: 14, ellipsis: true },
      },
      problem: {
        refX: 0, refY: '100%', refY2: 6, textAnchor: 'start', textVerticalAnchor: 'top', fontSize: 11, fill: '#b42318', text: '',
        textWrap: { width: 260, height: 30, ellipsis: true },
      },
    },
    ports: {
      groups: {
        in: {
          position: 'left',
          attrs: { circle: { r: 7, magnet: 'passive', stroke: '#5a6475', strokeWidth: 1.5, fill: '#fff' } },
        },
        out: {
          position: 'right',
          label: { position: { name: 'right', args: { x: 10, y: -10 } } },
          attrs: { circle: { r: 7, magnet: true, stroke: '#1f4e8c', strokeWidth: 1.5, fill: '#e8f0fb' }, text: { fontSize: 11, fill: '#1f4e8c' } },
        },
      },
    },
  }, true);
  Graph.registerEdge('cchc-edge', {
    inherit: 'edge',
    attrs: { line: { stroke: '#5a6475', strokeWidth: 1.5, targetMarker: { name: 'block', width: 8, height: 6 } } },
    connector: { name: 'smooth' },
  }, true);
}

export class Designer {
  constructor(container, api, definitionId) {
    this.container = container;
    this.api = api;
    this.definitionId = definitionId;
    this.catalog = [];
    this.byType = new Map();
    this.base = null;           // the definition JSON as loaded (top level and root kept from it)
    this.problems = [];
    this.order = 0;
    this.dirty = false;
    this.loading = false;
    this.sideTab = 'props';
  }

  async start() {
    registerShapes();
    this.renderShell();
    try {
      this.catalog = await this.api.get('/activities');
      this.byType = new Map();
      for (const a of this.catalog) {
        this.byType.set(a.type, a);
        for (const t of a.alsoReads || []) this.byType.set(t, a);
      }
      this.renderPalette();
      this.createGraph();
      await this.load();
      this.loadPlans();
      this.loadVersions();
    } catch (e) {
      this.status(e.message, 'error');
    }
    window.addEventListener('beforeunload', (e) => {
      if (this.dirty) { e.preventDefault(); e.returnValue = ''; }
    });
  }

  // ------------------------------------------------------------------ layout of the page

  renderShell() {
    const button = (testid, text, onclick, title) => h('button', { type: 'button', class: 'wd-btn', 'data-testid': testid, onclick, title: title || text }, text);
    this.el = {};
    this.el.undo = button('toolbar-undo', 'Hoàn tác', () => this.history.undo(), 'Hoàn tác (Ctrl+Z)');
    this.el.redo = button('toolbar-redo', 'Làm lại', () => this.history.redo(), 'Làm lại (Ctrl+Y)');
    this.el.importFile = h('input', { type: 'file', accept: '.json,application/json', hidden: true, 'data-testid': 'import-file', onchange: (e) => this.importFile(e) });
    this.el.title = h('span', { class: 'wd-title', 'data-testid': 'definition-title' }, this.definitionId);
    this.el.state = h('span', { class: 'wd-state', 'data-testid': 'definition-state' });
    this.el.status = h('div', { class: 'wd-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
    const toolbar = h('div', { class: 'wd-toolbar', role: 'toolbar', 'aria-label': 'Thanh công cụ' },
      h('div', { class: 'wd-heading' }, this.el.title, this.el.state),
      h('div', { class: 'wd-group' },
        button('toolbar-save', 'Lưu bản nháp', () => this.save()),
        button('toolbar-dry-run', 'Chạy thử', () => this.dryRun()),
        button('toolbar-publish', 'Công bố', () => this.publish())),
      h('div', { class: 'wd-group' }, this.el.undo, this.el.redo, button('toolbar-delete', 'Xóa', () => this.deleteSelection(), 'Xóa mục đang chọn (Delete)')),
      h('div', { class: 'wd-group' },
        button('toolbar-layout', 'Tự sắp xếp', () => this.autoLayout()),
        button('toolbar-zoom-in', 'Phóng to', () => this.graph.zoom(0.1)),
        button('toolbar-zoom-out', 'Thu nhỏ', () => this.graph.zoom(-0.1)),
        button('toolbar-zoom-fit', 'Vừa khung', () => this.fit())),
      h('div', { class: 'wd-group' },
        button('toolbar-import', 'Nhập JSON', () => this.el.importFile.click()),
        button('toolbar-export', 'Xuất JSON', () => this.exportJson()),
        this.el.importFile));

    this.el.search = h('input', { type: 'search', class: 'wd-search', placeholder: 'Tìm hoạt động…', 'aria-label': 'Tìm hoạt động', 'data-testid': 'palette-search', oninput: () => this.renderPalette() });
    this.el.paletteList = h('div', { class: 'wd-palette-list' });
    const palette = h('aside', { class: 'wd-palette', 'data-testid': 'palette', 'aria-label': 'Các hoạt động' },
      h('h2', {}, 'Hoạt động'), this.el.search, this.el.paletteList,
      h('p', { class: 'wd-hint' }, 'Kéo một hoạt động vào sơ đồ (hoặc nhấp đúp để thêm). Kéo từ cổng ra (bên phải) tới cổng vào (bên trái) để nối.'));

    // A focusable widget that handles its own keys (Delete, Ctrl+Z, Ctrl+Y): an application, with its name and shortcuts (WCAG 4.1.2).
    this.el.canvas = h('div', {
      class: 'wd-canvas', 'data-testid': 'canvas', tabindex: '0', role: 'application',
      'aria-label': 'Sơ đồ quy trình', 'aria-keyshortcuts': 'Delete Control+Z Control+Y',
    });
    const canvasWrap = h('div', { class: 'wd-canvas-wrap' }, this.el.canvas);

    this.el.tabs = {};
    const tab = (key, text) => (this.el.tabs[key] = h('button', { type: 'button', role: 'tab', class: 'wd-tab', 'data-testid': `tab-${key}`, onclick: () => this.showTab(key) }, text));
    this.el.panels = {
      props: h('div', { class: 'wd-panel', 'data-testid': 'property-panel' }),
      problems: h('div', { class: 'wd-panel', 'data-testid': 'problems' }),
      run: h('div', { class: 'wd-panel', 'data-testid': 'dry-run' }),
      versions: h('div', { class: 'wd-panel', 'data-testid': 'versions-panel' }),
    };
    const side = h('aside', { class: 'wd-side' },
      h('div', { class: 'wd-tabs', role: 'tablist' }, tab('props', 'Thuộc tính'), tab('problems', 'Lỗi'), tab('run', 'Chạy thử'), tab('versions', 'Phiên bản')),
      ...Object.values(this.el.panels));
    this.el.side = side;

    clear(this.container,
      h('div', { class: 'wd-root' }, toolbar, this.el.status, h('div', { class: 'wd-main' }, palette, canvasWrap, side)));
    this.container.classList.add('wd-host');
    this.buildRunPanel();
    this.buildVersionsPanel();
    this.showTab('props');
  }

  showTab(key) {
    this.sideTab = key;
    for (const [k, panel] of Object.entries(this.el.panels)) panel.hidden = k !== key;
    for (const [k, t] of Object.entries(this.el.tabs)) t.setAttribute('aria-selected', String(k === key));
    this.el.side.classList.toggle('wd-side-wide', key === 'run' || key === 'versions');
  }

  status(text, kind = 'info') {
    this.el.status.textContent = text || '';
    this.el.status.dataset.kind = kind;
  }

  renderPalette() {
    const query = fold(this.el.search.value || '');
    const groups = new Map();
    for (const a of this.catalog) {
      const text = fold(`${a.displayName} ${a.type} ${a.description} ${a.category}`);
      if (query && !text.includes(query)) continue;
      if (!groups.has(a.category)) groups.set(a.category, []);
      groups.get(a.category).push(a);
    }
    const children = [];
    for (const [category, items] of groups) {
      children.push(h('div', { class: 'wd-palette-group', 'data-testid': `palette-group-${category}` },
        h('h3', {}, category),
        items.map((a) => h('div', {
          class: 'wd-palette-item', tabindex: '0', role: 'button', title: a.description,
          'data-testid': `palette-${a.type}`, 'data-type': a.type,
          style: `border-left-color: ${COLORS[a.category] || '#1f4e8c'}`,
          onmousedown: (e) => this.startDrag(a, e),
          ondblclick: () => this.addAtCenter(a),
          onkeydown: (e) => { if (e.key === 'Enter') this.addAtCenter(a); },
        }, h('span', { class: 'wd-palette-name' }, a.displayName), h('span', { class: 'wd-palette-type' }, a.type)))));
    }
    if (children.length === 0) children.push(h('p', { class: 'wd-empty' }, 'Không có hoạt động nào khớp.'));
    clear(this.el.paletteList, children);
  }

  // ------------------------------------------------------------------ the graph

  createGraph() {
    const graph = new Graph({
      container: this.el.canvas,
      autoResize: true,
      grid: { size: 10, visible: true },
      background: { color: '#f7f8fa' },
      panning: { enabled: true, eventTypes: ['leftMouseDown'] },
      mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 2 },
      scaling: { min: 0.2, max: 2 },
      connecting: {
        snap: { radius: 30 },
        allowBlank: false,
        allowLoop: true,
        allowNode: false,
        allowEdge: false,
        allowPort: true,
        allowMulti: 'withPort',
        highlight: true,
        connector: { name: 'smooth' },
        createEdge: () => graph.createEdge({ shape: 'cchc-edge' }),
        validateMagnet: ({ magnet }) => portGroup(magnet) === 'out',
        validateConnection: ({ sourceMagnet, targetMagnet }) => portGroup(sourceMagnet) === 'out' && portGroup(targetMagnet) === 'in',
      },
      highlighting: {
        magnetAvailable: { name: 'stroke', args: { padding: 3, attrs: { stroke: '#2f6f3e', strokeWidth: 2 } } },
        magnetAdsorbed: { name: 'stroke', args: { padding: 3, attrs: { stroke: '#2f6f3e', strokeWidth: 3 } } },
      },
      interacting: { edgeMovable: false, arrowheadMovable: false, vertexMovable: false, vertexAddable: false, vertexDeletable: false },
    });
    this.graph = graph;
    this.history = new History({
      enabled: true,
      beforeAddCommand: (event, args) => !(args && args.options && args.options.noHistory),
    });
    graph.use(this.history);
    graph.use(new Selection({ enabled: true, multiple: true, rubberband: true, modifiers: ['shift'], showNodeSelectionBox: true, pointerEvents: 'none' }));
    graph.use(new Snapline({ enabled: true }));
    this.dnd = new Dnd({
      target: graph,
      scaled: false,
      getDragNode: (node) => node.clone({ keepId: true }),
      getDropNode: (node) => {
        const type = node.getData().activity.type;
        const activity = { id: newActivityId(type, this.takenIds()), type };
        return this.createNode(activity, node.getPosition(), true);
      },
    });

    this.history.on('change', () => {
      this.updateUndoButtons();
      if (!this.loading) { this.markDirty(); this.scheduleValidation(); }
    });
    graph.on('selection:changed', () => this.renderProperties());
    graph.on('node:change:data', ({ node }) => this.refreshNode(node));
    graph.on('node:added', ({ node }) => {
      if (!this.loading && node.getData()?.order === undefined) node.setData({ order: ++this.order }, { noHistory: true });
      if (!this.loading) this.decorate(node); // a node back from undo gets its test hooks and problem marks again
    });
    graph.on('node:moved', ({ node }) => { node.setData({ placed: true }, { noHistory: true }); });
    graph.on('edge:connected', ({ edge, isNew }) => {
      if (!isNew) return;
      const source = edge.getSourceCellId();
      const target = edge.getTargetCellId();
      const port = String(edge.getSourcePortId() || 'out:Done').replace(/^out:/, '');
      edge.setData({ order: ++this.order, connection: newConnection(source, port, target) }, { noHistory: true });
      edge.attr('root/data-testid', `edge-${source}-${port}-${target}`, { noHistory: true });
      this.scheduleValidation();
    });
    graph.on('cell:removed', () => this.renderProperties());
    // Clicking the canvas gives it the keyboard (X6 prevents the default focus change), so Delete and Ctrl+Z work.
    const focusCanvas = () => { if (document.activeElement !== this.el.canvas) this.el.canvas.focus({ preventScroll: true }); };
    graph.on('cell:mousedown', focusCanvas);
    graph.on('blank:mousedown', focusCanvas);
    this.el.canvas.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('keydown', (e) => {
      if (e.target === document.body) this.onKey(e);
    });
    this.updateUndoButtons();
  }

  onKey(e) {
    const target = e.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (e.key === 'Delete' || e.key === 'Backspace') {
      if (this.graph.getSelectedCells().length > 0) { e.preventDefault(); this.deleteSelection(); }
    } else if (ctrl && key === 'z' && !e.shiftKey) {
      e.preventDefault(); this.history.undo();
    } else if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) {
      e.preventDefault(); this.history.redo();
    }
  }

  updateUndoButtons() {
    this.el.undo.disabled = !this.history.canUndo();
    this.el.redo.disabled = !this.history.canRedo();
  }

  markDirty() {
    this.dirty = true;
    this.renderState();
  }

  renderState() {
    const parts = [];
    if (this.isDraft) parts.push('Bản nháp');
    else if (this.version) parts.push(`Phiên bản ${this.version}`);
    if (this.dirty) parts.push('chưa lưu');
    this.el.state.textContent = parts.length ? `(${parts.join(', ')})` : '';
  }

  takenIds() {
    return new Set(this.graph.getNodes().map((n) => n.id));
  }

  createNode(activity, position, placed) {
    const descriptor = this.byType.get(activity.type);
    const node = this.graph.createNode({
      id: activity.id,
      shape: 'cchc-activity',
      x: position.x,
      y: position.y,
      data: { activity, placed: !!placed },
      attrs: { root: { 'data-testid': `node-${activity.id}`, 'data-activity-id': activity.id, 'data-activity-type': activity.type } },
      ports: { items: this.portsFor(activity, descriptor) },
    });
    this.decorate(node);
    return node;
  }

  portsFor(activity, descriptor) {
    const items = [{ id: 'in', group: 'in', attrs: { circle: { 'data-testid': `port-${activity.id}-In`, 'data-port': 'In' } } }];
    const own = descriptor && descriptor.dynamicPorts
      ? readInput(activity, 'branches').split(/[,;]/).map((b) => b.trim()).filter((b) => b).map((b) => ({ name: b, label: b }))
      : null;
    for (const port of own || (descriptor ? descriptor.outPorts : [{ name: 'Done', label: 'Xong' }])) {
      items.push({
        id: `out:${port.name}`,
        group: 'out',
        attrs: {
          circle: { 'data-testid': `port-${activity.id}-${port.name}`, 'data-port': port.name },
          text: { text: port.name === 'Done' ? '' : port.label },
        },
      });
    }
    return items;
  }

  /** The node's texts and colours from its activity JSON and its problems (not recorded in the history). */
  decorate(node) {
    const { activity } = node.getData();
    const descriptor = this.byType.get(activity.type);
    const name = prop(activity, 'displayName') || (descriptor ? descriptor.displayName : activity.type);
    const problems = this.problems.filter((p) => p.activityId === node.id);
    const o = { noHistory: true };
    node.attr('root/data-testid', `node-${node.id}`, o);
    node.attr('root/data-activity-id', node.id, o);
    node.attr('root/data-activity-type', activity.type || '', o);
    node.attr('label/text', name, o);
    node.attr('sub/text', this.summary(activity, descriptor), o);
    node.attr('stripe/fill', descriptor ? COLORS[descriptor.category] || '#1f4e8c' : '#b42318', o);
    node.attr('body/stroke', problems.length ? '#b42318' : '#8a94a6', o);
    node.attr('body/strokeWidth', problems.length ? 3 : 1.5, o);
    node.attr('body/data-problem', problems.length ? 'true' : 'false', o);
    node.attr('problem/text', problems.length ? `⚠ ${problems[0].message}` : '', o);
    node.attr('problem/data-testid', `node-problem-${node.id}`, o);
  }

  /** A FlowFork's ports are its branch names: when they change, its ports follow (a port gone takes its connections). */
  syncPorts(node) {
    const { activity } = node.getData();
    const descriptor = this.byType.get(activity.type);
    if (!descriptor || !descriptor.dynamicPorts) return;
    const wanted = this.portsFor(activity, descriptor);
    for (const port of node.getPorts()) {
      if (wanted.some((w) => w.id === port.id)) continue;
      for (const edge of this.graph.getConnectedEdges(node, { outgoing: true })) {
        if (edge.getSourcePortId() === port.id) this.graph.removeEdge(edge);
      }
      node.removePort(port.id);
    }
    const have = node.getPorts().map((p) => p.id);
    for (const port of wanted) if (!have.includes(port.id)) node.addPort(port);
  }

  refreshNode(node) {
    this.syncPorts(node);
    this.decorate(node);
    if (this.selectedNode() === node) this.renderProperties();
  }

  summary(activity, descriptor) {
    if (!descriptor) return `Loại không biết: ${activity.type}`;
    if (!descriptor.summary) return descriptor.displayName;
    // The catalog's summary: {input} is the input's value (a choice's label), {input|text} gives text when it is empty.
    return descriptor.summary.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, name, fallback) => {
      const input = descriptor.inputs.find((i) => i.name === name);
      const value = readInput(activity, name);
      const shown = value === undefined || value === null || value === '' ? (fallback ?? input?.default ?? '?') : value;
      const choice = (input?.allowedValues || []).find((a) => a.value.toLowerCase() === String(shown).toLowerCase());
      return choice ? choice.label : String(shown);
    });
  }

  selectedNode() {
    const cells = this.graph.getSelectedCells();
    return cells.length === 1 && cells[0].isNode() ? cells[0] : null;
  }

  startDrag(descriptor, e) {
    if (e.button !== 0) return;
    e.preventDefault();
    const activity = { id: '__dragging__', type: descriptor.type };
    const node = this.graph.createNode({
      shape: 'cchc-activity', width: NODE_WIDTH, height: NODE_HEIGHT, data: { activity },
      attrs: { label: { text: descriptor.displayName }, sub: { text: descriptor.type } },
      ports: { items: this.portsFor(activity, descriptor) },
    });
    this.dnd.start(node, e);
  }

  addAtCenter(descriptor) {
    const area = this.graph.getGraphArea();
    const center = area.getCenter();
    const activity = { id: newActivityId(descriptor.type, this.takenIds()), type: descriptor.type };
    const node = this.createNode(activity, { x: center.x - NODE_WIDTH / 2, y: center.y - NODE_HEIGHT / 2 }, true);
    this.graph.addNode(node);
    this.graph.resetSelection(node);
  }

  deleteSelection() {
    const cells = this.graph.getSelectedCells();
    if (cells.length === 0) return;
    this.graph.startBatch('delete');
    this.graph.removeCells(cells);
    this.graph.stopBatch('delete');
    this.renderProperties();
  }

  fit() {
    if (this.graph.getCellCount() === 0) return;
    this.graph.zoomToFit({ padding: 40, maxScale: 1 });
    // A long chase would be unreadable whole: keep it legible and show its start; pan or zoom out for the rest.
    if (this.graph.zoom() < 0.6) {
      this.graph.zoomTo(0.6);
      // positionContent has no padding without X6's scroller: keep 40 px of room left of the start by hand.
      this.graph.positionRect(this.graph.getContentArea().inflate(40 / this.graph.zoom(), 0), 'left');
    }
  }

  autoLayout() {
    const nodes = this.graph.getNodes();
    const edges = this.graph.getEdges().map((e) => ({ source: e.getSourceCellId(), target: e.getTargetCellId() })).filter((e) => e.source && e.target);
    const start = nodes.find((n) => n.getData().activity.type === 'Cchc.MilestoneStart');
    const positions = layered(nodes.map((n) => n.id), edges, start && start.id);
    this.graph.startBatch('layout');
    for (const node of nodes) {
      node.setPosition(positions.get(node.id));
      node.setData({ placed: true });
    }
    this.graph.stopBatch('layout');
    this.fit();
  }

  // ------------------------------------------------------------------ JSON in and out

  /** Shows `definition` on the canvas; the history starts empty. */
  show(definition) {
    this.loading = true;
    this.base = clone(definition);
    this.graph.clearCells();
    this.order = 0;
    const cells = [];
    const missing = [];
    const ids = new Set();
    activitiesOf(definition).forEach((activity, index) => {
      if (!activity || typeof activity !== 'object') return;
      let id = prop(activity, 'id');
      if (typeof id !== 'string' || !id || ids.has(id)) id = `__${index}`; // shown, and refused by the checks
      ids.add(id);
      const position = positionOf(activity);
      if (!position) missing.push(id);
      const node = this.createNode({ id, type: String(prop(activity, 'type') || '') }, position || { x: 0, y: 0 }, false);
      node.setData({ activity: clone(activity), order: ++this.order, original: clone(activity), placed: false }, { overwrite: true, noHistory: true });
      this.decorate(node);
      cells.push(node);
    });
    const byId = new Map(cells.map((n) => [n.id, n]));
    connectionsOf(definition).forEach((connection) => {
      const { source, target } = endpoints(connection);
      const from = byId.get(source.activity);
      const to = byId.get(target.activity);
      const edge = this.graph.createEdge({
        shape: 'cchc-edge',
        source: from ? { cell: from.id, port: portId(from, `out:${source.port}`) } : { x: 0, y: 0 },
        target: to ? { cell: to.id, port: portId(to, 'in') } : (from ? { x: 0, y: 0 } : { x: 50, y: 50 }),
        data: { connection: clone(connection), order: ++this.order, dangling: !from || !to },
        attrs: { root: { 'data-testid': `edge-${source.activity}-${source.port}-${target.activity}` } },
      });
      if (!to && from) {
        const p = from.getPosition();
        edge.setTarget({ x: p.x + NODE_WIDTH + 80, y: p.y + NODE_HEIGHT + 40 });
        edge.attr('line/stroke', '#b42318');
        edge.attr('line/strokeDasharray', '5 3');
      }
      cells.push(edge);
    });
    this.graph.resetCells(cells);
    if (missing.length > 0) {
      const nodes = this.graph.getNodes();
      const edges = this.graph.getEdges().map((e) => ({ source: e.getSourceCellId(), target: e.getTargetCellId() })).filter((e) => e.source && e.target);
      const start = nodes.find((n) => n.getData().activity.type === 'Cchc.MilestoneStart');
      const positions = layered(nodes.map((n) => n.id), edges, start && start.id);
      for (const id of missing) this.graph.getCellById(id).setPosition(positions.get(id), { noHistory: true });
    }
    for (const node of this.graph.getNodes()) this.decorate(node);
    this.history.clean();
    this.loading = false;
    this.updateUndoButtons();
    this.fit();
    this.renderProperties();
  }

  /** The definition as the canvas has it: what is saved, exported, run. */
  toDefinition() {
    const nodes = [...this.graph.getNodes()].sort((a, b) => (a.getData().order || 0) - (b.getData().order || 0));
    const activities = nodes.map((node) => {
      const data = node.getData();
      let activity = data.activity;
      const original = data.original ? positionOf(data.original) : null;
      const now = node.getPosition();
      const moved = original ? (Math.round(now.x) !== original.x || Math.round(now.y) !== original.y) : data.placed;
      if (moved) activity = withPosition(activity, now);
      return activity;
    });
    const edges = [...this.graph.getEdges()].sort((a, b) => (a.getData()?.order || 0) - (b.getData()?.order || 0));
    const connections = edges.map((edge) => {
      const data = edge.getData() || {};
      if (data.connection) return data.connection;
      const port = String(edge.getSourcePortId() || 'out:Done').replace(/^out:/, '');
      return newConnection(edge.getSourceCellId(), port, edge.getTargetCellId());
    });
    return compose(this.base, activities, connections, this.topLevel || {});
  }

  async load() {
    this.status('Đang tải quy trình…');
    const doc = await this.api.get(`/definitions/${encodeURIComponent(this.definitionId)}/draft`);
    this.isDraft = doc.isDraft;
    this.version = doc.version;
    this.topLevel = {};
    this.problems = doc.problems || [];
    this.show(doc.definition);
    this.dirty = false;
    this.renderState();
    this.renderProblems();
    this.el.title.textContent = prop(doc.definition, 'name') || this.definitionId;
    this.status(doc.isDraft ? 'Đã mở bản nháp.' : `Đã mở phiên bản ${doc.version}. Lưu bản nháp để bắt đầu sửa.`);
  }

  async save() {
    try {
      const json = JSON.stringify(this.toDefinition(), null, 2);
      const result = await this.api.put(`/definitions/${encodeURIComponent(this.definitionId)}/draft`, json);
      this.isDraft = true;
      this.dirty = false;
      this.setProblems(result.problems || []);
      this.renderState();
      this.status(result.problems && result.problems.length
        ? `Đã lưu bản nháp; còn ${result.problems.length} lỗi phải sửa trước khi công bố.`
        : 'Đã lưu bản nháp; không có lỗi.', result.problems && result.problems.length ? 'warning' : 'ok');
      return true;
    } catch (e) {
      this.fail(e, 'Không lưu được bản nháp');
      return false;
    }
  }

  async publish() {
    if ((this.dirty || !this.isDraft) && !(await this.save())) return;
    try {
      const result = await this.api.post(`/definitions/${encodeURIComponent(this.definitionId)}/publish`);
      await this.load();
      await this.loadVersions();
      this.status(`Đã công bố phiên bản ${result.version}. Các mốc mới dùng phiên bản này; các mốc đang chạy giữ phiên bản cũ.`, 'ok');
    } catch (e) {
      this.fail(e, 'Không công bố được');
    }
  }

  exportJson() {
    download(`${this.definitionId}.json`, JSON.stringify(this.toDefinition(), null, 2) + '\n');
    this.status('Đã xuất tệp JSON.', 'ok');
  }

  async importFile(e) {
    const file = e.target.files && e.target.files[0];
    e.target.value = '';
    if (!file) return;
    if (this.dirty && !window.confirm('Thay đổi chưa lưu sẽ mất. Vẫn nhập tệp?')) return;
    try {
      const text = await file.text();
      await this.api.post(`/definitions/import?id=${encodeURIComponent(this.definitionId)}`, text);
      await this.load();
      await this.loadVersions();
      this.status(`Đã nhập ${file.name} thành bản nháp.`, 'ok');
    } catch (err) {
      this.fail(err, `Không nhập được ${file.name}`);
    }
  }

  fail(e, what) {
    if (e instanceof ApiError && e.problems.length) {
      this.setProblems(e.problems);
      this.showTab('problems');
    }
    this.status(`${what}: ${e.message}`, 'error');
  }

  // ------------------------------------------------------------------ problems

  scheduleValidation() {
    clearTimeout(this.validationTimer);
    this.validationTimer = setTimeout(() => this.validate(), 500);
  }

  async validate() {
    try {
      const result = await this.api.post(`/definitions/${encodeURIComponent(this.definitionId)}/validate`, JSON.stringify(this.toDefinition()));
      this.setProblems(result.problems || []);
    } catch { /* the save reports it */ }
  }

  setProblems(problems) {
    this.problems = problems;
    for (const node of this.graph.getNodes()) this.decorate(node);
    this.renderProblems();
  }

  renderProblems() {
    const count = this.problems.length;
    this.el.tabs.problems.textContent = count ? `Lỗi (${count})` : 'Lỗi';
    this.el.tabs.problems.classList.toggle('wd-tab-alert', count > 0);
    const list = this.problems.map((p, i) => {
      const node = p.activityId ? this.graph.getCellById(p.activityId) : null;
      const name = node ? node.attr('label/text') : null;
      return h('li', {
        class: 'wd-problem', 'data-testid': 'problem', 'data-activity-id': p.activityId || '', 'data-index': i,
        onclick: () => { if (node) { this.graph.resetSelection(node); this.graph.centerCell(node); this.showTab('props'); } },
      },
      p.activityId ? h('strong', {}, name ? `${name} (${p.activityId}): ` : `${p.activityId}: `) : null,
      p.line ? h('strong', {}, `Dòng ${p.line}: `) : null,
      p.message);
    });
    clear(this.el.panels.problems,
      count ? h('ul', { class: 'wd-problems', 'data-testid': 'problems-list' }, list) : h('p', { class: 'wd-ok', 'data-testid': 'problems-empty' }, 'Không có lỗi: quy trình có thể công bố.'));
  }

  // ------------------------------------------------------------------ property panel

  renderProperties() {
    if (!this.graph) return;
    const panel = this.el.panels.props;
    const cells = this.graph.getSelectedCells();
    const node = this.selectedNode();
    if (node) return clear(panel, this.nodeForm(node));
    if (cells.length === 1 && cells[0].isEdge()) return clear(panel, this.edgeView(cells[0]));
    if (cells.length > 1) {
      return clear(panel, h('p', {}, `Đang chọn ${cells.length} mục.`),
        h('button', { type: 'button', class: 'wd-btn', 'data-testid': 'prop-delete-selection', onclick: () => this.deleteSelection() }, 'Xóa các mục đã chọn'));
    }
    return clear(panel, this.definitionForm());
  }

  definitionForm() {
    const current = this.toDefinitionTop();
    const field = (name, label, multiline) => {
      const input = multiline
        ? h('textarea', { id: `wd-prop-${name}`, rows: 5, 'data-testid': `prop-${name}` })
        : h('input', { id: `wd-prop-${name}`, type: 'text', 'data-testid': `prop-${name}` });
      input.value = current[name] || '';
      input.addEventListener('change', () => {
        this.topLevel = { ...(this.topLevel || {}), [name]: input.value };
        if (name === 'name') this.el.title.textContent = input.value || this.definitionId;
        this.markDirty();
        this.scheduleValidation();
      });
      return h('div', { class: 'wd-field' }, h('label', { for: `wd-prop-${name}` }, label), input);
    };
    return h('div', { class: 'wd-form' },
      h('h2', {}, 'Quy trình'),
      h('div', { class: 'wd-field' }, h('span', { class: 'wd-label' }, 'Mã quy trình'), h('code', { 'data-testid': 'prop-definitionId' }, this.definitionId)),
      field('name', 'Tên quy trình'),
      field('description', 'Mô tả', true),
      h('p', { class: 'wd-hint' }, 'Chọn một hoạt động trên sơ đồ để sửa thuộc tính của nó.'));
  }

  toDefinitionTop() {
    const base = this.base || {};
    return { name: prop(base, 'name') || '', description: prop(base, 'description') || '', ...(this.topLevel || {}) };
  }

  nodeForm(node) {
    const { activity } = node.getData();
    const descriptor = this.byType.get(activity.type);
    const problems = this.problems.filter((p) => p.activityId === node.id);
    const commit = (next) => node.setData({ activity: next }, { overwrite: false });
    const display = h('input', { id: 'wd-prop-displayName', type: 'text', 'data-testid': 'prop-displayName', value: prop(activity, 'displayName') || '', placeholder: descriptor ? descriptor.displayName : '' });
    display.addEventListener('change', () => commit(setDisplayName(node.getData().activity, display.value.trim())));
    const fields = [];
    for (const input of descriptor ? descriptor.inputs : []) fields.push(this.inputField(node, input));
    return h('div', { class: 'wd-form', 'data-testid': 'node-form', 'data-activity-id': node.id },
      h('h2', {}, descriptor ? descriptor.displayName : activity.type),
      descriptor ? h('p', { class: 'wd-hint' }, descriptor.description) : h('p', { class: 'wd-error' }, `Loại hoạt động không biết: ${activity.type}`),
      problems.length ? h('ul', { class: 'wd-problems', 'data-testid': 'node-problems' }, problems.map((p) => h('li', { class: 'wd-problem' }, p.message))) : null,
      h('div', { class: 'wd-field' }, h('span', { class: 'wd-label' }, 'Mã hoạt động'), h('code', { 'data-testid': 'prop-id' }, node.id)),
      h('div', { class: 'wd-field' }, h('label', { for: 'wd-prop-displayName' }, 'Tên hiển thị'), display),
      fields,
      h('button', { type: 'button', class: 'wd-btn wd-danger', 'data-testid': 'prop-delete', onclick: () => { this.graph.resetSelection(node); this.deleteSelection(); } }, 'Xóa hoạt động'));
  }

  inputField(node, input) {
    const { activity } = node.getData();
    const id = `wd-prop-${input.name}`;
    const value = readInput(activity, input.name);
    const commit = (text) => node.setData({ activity: writeInput(node.getData().activity, input.name, input.kind, text) }, { overwrite: false });
    let control;
    const defaultText = input.default !== null && input.default !== undefined
      ? `(mặc định: ${valueLabel(input, input.default)})`
      : (input.required ? '(chọn…)' : '(mặc định)');
    const language = input.acceptsExpression ? inputLanguage(activity, input.name) : 'Literal';
    if (input.acceptsExpression) {
      // An input that takes an expression: the language (Literal, JavaScript, Liquid), then the text.
      const languageId = `${id}-language`;
      const chooser = h('select', { id: languageId, 'data-testid': `prop-${input.name}-language`, 'aria-label': `${input.label}: loại biểu thức` },
        ['Literal', 'JavaScript', 'Liquid'].map((l) => h('option', { value: l }, l === 'Literal' ? 'Giá trị cố định' : l)));
      chooser.value = ['Literal', 'JavaScript', 'Liquid'].includes(language) ? language : 'Literal';
      const text = h(input.kind === 'freeText' ? 'textarea' : 'input', { id, 'data-testid': `prop-${input.name}`, type: 'text', value, placeholder: input.default || '' });
      if (text.tagName === 'TEXTAREA') text.value = value;
      const save = () => node.setData({ activity: writeExpression(node.getData().activity, input.name, input.kind, chooser.value, text.value.trim()) }, { overwrite: false });
      chooser.addEventListener('change', save);
      text.addEventListener('change', save);
      control = h('span', { class: 'wd-expression' }, chooser, text);
    } else if (input.kind === 'choice' || input.kind === 'boolean') {
      const options = input.kind === 'boolean'
        ? [{ value: 'true', label: 'Có' }, { value: 'false', label: 'Không' }]
        : input.allowedValues;
      control = h('select', { id, 'data-testid': `prop-${input.name}` },
        h('option', { value: '' }, defaultText),
        options.map((o) => h('option', { value: o.value }, o.label)));
      const match = options.find((o) => o.value.toLowerCase() === value.toLowerCase());
      control.value = match ? match.value : '';
      if (value && !match) control.append(h('option', { value }, value)), (control.value = value);
      control.addEventListener('change', () => commit(control.value));
    } else {
      const attrs = { id, 'data-testid': `prop-${input.name}`, value, placeholder: input.default || '' };
      if (input.kind === 'number') Object.assign(attrs, { type: 'number', min: input.minimum, max: input.maximum, step: 1 });
      else if (input.kind === 'timeOfDay') Object.assign(attrs, { type: 'text', inputmode: 'numeric', placeholder: input.default || '08:00', pattern: '\\d{1,2}:\\d{2}' });
      else Object.assign(attrs, { type: 'text' });
      control = h('input', attrs);
      control.addEventListener('change', () => commit(control.value.trim()));
    }
    return h('div', { class: 'wd-field' },
      h('label', { for: id }, input.label, input.required ? h('span', { class: 'wd-required', title: 'Bắt buộc' }, ' *') : null),
      control,
      input.help ? h('small', { class: 'wd-help' }, input.help) : null);
  }

  edgeView(edge) {
    const data = edge.getData() || {};
    const c = data.connection ? endpoints(data.connection) : null;
    const name = (id) => {
      const cell = id ? this.graph.getCellById(id) : null;
      return cell ? `${cell.attr('label/text')} (${id})` : `${id || '?'} (không có hoạt động này)`;
    };
    return h('div', { class: 'wd-form', 'data-testid': 'edge-form' },
      h('h2', {}, 'Kết nối'),
      c ? h('p', {}, `${name(c.source.activity)} — cổng ${portLabel(this.byType, edge, c.source.port)} → ${name(c.target.activity)}`) : null,
      h('button', { type: 'button', class: 'wd-btn wd-danger', 'data-testid': 'prop-delete', onclick: () => this.deleteSelection() }, 'Xóa kết nối'));
  }

  // ------------------------------------------------------------------ dry run

  buildRunPanel() {
    this.el.plan = h('select', { 'data-testid': 'dry-run-plan', id: 'wd-run-plan' }, h('option', { value: '' }, 'Đang tải…'));
    this.el.from = h('input', { type: 'date', 'data-testid': 'dry-run-from', id: 'wd-run-from' });
    this.el.to = h('input', { type: 'date', 'data-testid': 'dry-run-to', id: 'wd-run-to' });
    this.el.runResult = h('div', { class: 'wd-run-result' });
    clear(this.el.panels.run,
      h('div', { class: 'wd-form wd-run-form' },
        h('div', { class: 'wd-field' }, h('label', { for: 'wd-run-plan' }, 'Kế hoạch'), this.el.plan),
        h('div', { class: 'wd-inline' },
          h('div', { class: 'wd-field' }, h('label', { for: 'wd-run-from' }, 'Từ ngày'), this.el.from),
          h('div', { class: 'wd-field' }, h('label', { for: 'wd-run-to' }, 'Đến ngày'), this.el.to)),
        h('small', { class: 'wd-help' }, 'Bỏ trống: từ 01/01 năm của kế hoạch đến 31/01 năm sau. Mọi mốc hạn chạy theo sơ đồ đang vẽ.'),
        h('button', { type: 'button', class: 'wd-btn wd-primary', 'data-testid': 'dry-run-start', onclick: () => this.dryRun() }, 'Chạy thử')),
      this.el.runResult);
  }

  async loadPlans() {
    try {
      const plans = await this.api.get('/plan-files');
      clear(this.el.plan, plans.map((p) => h('option', { value: p.id }, `${p.id} — ${p.title}`)));
      const latest = [...plans].sort((a, b) => b.year - a.year)[0];
      if (latest) this.el.plan.value = latest.id;
    } catch (e) {
      clear(this.el.plan, h('option', { value: '' }, 'Không tải được danh sách kế hoạch'));
    }
  }

  async dryRun() {
    this.showTab('run');
    const plan = this.el.plan.value;
    if (!plan) { this.status('Hãy chọn một kế hoạch để chạy thử.', 'warning'); return; }
    clear(this.el.runResult, h('p', {}, 'Đang chạy thử…'));
    try {
      const run = await this.api.post(`/definitions/${encodeURIComponent(this.definitionId)}/dry-run`, {
        plan, from: this.el.from.value || null, to: this.el.to.value || null, definition: this.toDefinition(),
      });
      this.renderRun(run);
      this.status(`Chạy thử xong: ${run.timeline.length} thông báo cho ${run.milestones} mốc hạn.`, 'ok');
    } catch (e) {
      clear(this.el.runResult, h('p', { class: 'wd-error', 'data-testid': 'dry-run-error' }, e.message));
      this.fail(e, 'Không chạy thử được');
    }
  }

  renderRun(run) {
    const rows = run.timeline.map((t) => h('tr', { 'data-kind': t.kind, 'data-task': t.taskId },
      h('td', {}, formatDay(t.at)),
      h('td', {}, t.taskId),
      h('td', { class: 'wd-clip', title: t.taskTitle }, t.taskTitle),
      h('td', {}, t.milestoneLabel ? `${t.milestone}. ${t.milestoneLabel}` : String(t.milestone)),
      h('td', {}, formatDay(t.due)),
      h('td', {}, h('span', { class: `wd-kind wd-kind-${t.kind}` }, t.kindLabel)),
      h('td', {}, t.recipients.join(', '))));
    const emails = run.emails.map((m, i) => h('details', { class: 'wd-email', 'data-testid': 'email' },
      h('summary', {}, `${formatDay(m.day)} — ${m.subject}`),
      h('div', { class: 'wd-email-to' }, `Tới: ${m.to.join(', ')}`),
      h('pre', { class: 'wd-email-body', 'data-index': i }, m.text)));
    clear(this.el.runResult,
      h('p', { 'data-testid': 'dry-run-summary' },
        `${run.planId} — ${run.planTitle}, từ ${formatDay(run.from)} đến ${formatDay(run.to)}: `,
        `${run.totals.reminder} nhắc hạn, ${run.totals.overdue} thông báo quá hạn, ${run.totals.escalation} báo cáo Sở Nội vụ; ${run.milestones} mốc hạn.`),
      h('h3', {}, 'Lịch thông báo'),
      scrollBox('Lịch thông báo',
        h('table', { class: 'wd-table', 'data-testid': 'timeline' },
          h('thead', {}, h('tr', {}, ['Ngày giờ', 'TT', 'Nhiệm vụ', 'Mốc', 'Hạn', 'Loại', 'Gửi tới'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows))),
      h('h3', {}, `Thư sẽ gửi (${run.emailCount}${run.emailCount > run.emails.length ? `, hiện ${run.emails.length} thư đầu` : ''})`),
      h('div', { class: 'wd-emails', 'data-testid': 'emails' }, emails));
  }

  // ------------------------------------------------------------------ versions and diff

  buildVersionsPanel() {
    this.el.versionList = h('div', { 'data-testid': 'version-list' });
    this.el.diffFrom = h('select', { 'data-testid': 'diff-from', id: 'wd-diff-from' });
    this.el.diffTo = h('select', { 'data-testid': 'diff-to', id: 'wd-diff-to' });
    this.el.diff = h('div', { class: 'wd-diff', 'data-testid': 'diff-view' });
    clear(this.el.panels.versions,
      h('h2', {}, 'Các phiên bản'),
      this.el.versionList,
      h('h2', {}, 'So sánh hai phiên bản'),
      h('div', { class: 'wd-inline' },
        h('div', { class: 'wd-field' }, h('label', { for: 'wd-diff-from' }, 'Từ'), this.el.diffFrom),
        h('div', { class: 'wd-field' }, h('label', { for: 'wd-diff-to' }, 'Đến'), this.el.diffTo),
        h('button', { type: 'button', class: 'wd-btn', 'data-testid': 'diff-start', onclick: () => this.showDiff() }, 'So sánh')),
      this.el.diff);
  }

  async loadVersions() {
    try {
      const versions = await this.api.get(`/definitions/${encodeURIComponent(this.definitionId)}/versions`);
      const rows = versions.slice().reverse().map((v) => h('tr', { 'data-version': v.version },
        h('td', {}, `v${v.version}`, v.isLatestPublished ? h('span', { class: 'wd-badge' }, 'đang dùng') : null, v.isPublished ? null : h('span', { class: 'wd-badge wd-muted' }, 'chưa công bố')),
        h('td', {}, v.publishedBy || '—'),
        h('td', {}, formatDateTime(v.createdAt)),
        h('td', {}, h('a', { href: `${this.apiBase()}/definitions/${encodeURIComponent(this.definitionId)}/export?version=${v.version}`, 'data-testid': `version-export-${v.version}` }, 'Tải JSON'))));
      clear(this.el.versionList, versions.length
        ? h('table', { class: 'wd-table', 'data-testid': 'versions' },
          h('thead', {}, h('tr', {}, ['Phiên bản', 'Người công bố', 'Thời điểm', ''].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows))
        : h('p', {}, 'Chưa có phiên bản nào được công bố.'));
      const options = () => [...versions.map((v) => h('option', { value: String(v.version) }, `Phiên bản ${v.version}`)), h('option', { value: 'draft' }, 'Bản nháp')];
      clear(this.el.diffFrom, options());
      clear(this.el.diffTo, options());
      if (versions.length >= 2) {
        this.el.diffFrom.value = String(versions[versions.length - 2].version);
        this.el.diffTo.value = String(versions[versions.length - 1].version);
      } else if (versions.length === 1) {
        this.el.diffFrom.value = String(versions[0].version);
        this.el.diffTo.value = 'draft';
      }
    } catch (e) {
      clear(this.el.versionList, h('p', { class: 'wd-error' }, e.message));
    }
  }

  apiBase() {
    return (this.container.dataset.api || '/api').replace(/\/$/, '');
  }

  async showDiff() {
    const from = this.el.diffFrom.value;
    const to = this.el.diffTo.value;
    try {
      const diff = await this.api.get(`/definitions/${encodeURIComponent(this.definitionId)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      const items = diff.entries.map((e) => h('li', { class: `wd-diff-${e.kind}`, 'data-kind': e.kind, 'data-activity-id': e.activityId || '' },
        e.title, e.details.length ? h('ul', {}, e.details.map((d) => h('li', {}, d))) : null));
      clear(this.el.diff,
        h('p', {}, diff.text.split('\n')[0]),
        items.length ? h('ul', { class: 'wd-diff-list' }, items) : h('p', {}, 'Không có thay đổi nào (ngoài bố cục sơ đồ).'));
    } catch (e) {
      clear(this.el.diff, h('p', { class: 'wd-error' }, e.message));
    }
  }
}

function portGroup(magnet) {
  if (!magnet) return null;
  const el = magnet.closest ? magnet.closest('[port-group]') : null;
  if (el) return el.getAttribute('port-group');
  const port = magnet.getAttribute && magnet.getAttribute('port');
  return port ? (port === 'in' ? 'in' : 'out') : null;
}

function portId(node, wanted) {
  const ports = node.getPorts();
  const match = ports.find((p) => p.id.toLowerCase() === wanted.toLowerCase());
  return match ? match.id : (ports.find((p) => p.group === (wanted === 'in' ? 'in' : 'out')) || {}).id;
}

function portLabel(byType, edge, port) {
  const source = edge.getSourceCell();
  const descriptor = source ? byType.get(source.getData().activity.type) : null;
  const found = descriptor && !descriptor.dynamicPorts ? descriptor.outPorts.find((p) => p.name === port) : null;
  return found ? found.label : port;
}

function valueLabel(input, value) {
  if (input.kind === 'boolean') return value === 'true' ? 'có' : 'không';
  const found = (input.allowedValues || []).find((a) => a.value === value);
  return found ? found.label : value;
}

/** Lower case without diacritics, for the palette search ("gui thu" finds "Gửi thư"). */
export function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}
