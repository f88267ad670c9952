// With no data-definition: the definitions, each linking to its designer page, and a form for a new one.
// Links follow data-link (default "?definition={id}"), so the host page decides its URLs.
import { h, clear, formatDateTime } from './dom.js';

export class DefinitionList {
  constructor(container, api) {
    this.container = container;
    this.api = api;
  }

  link(id) {
    const template = this.container.dataset.link || '?definition={id}';
    return template.replace('{id}', encodeURIComponent(id));
  }

  async start() {
    this.container.classList.add('wd-host');
    const status = h('div', { class: 'wd-status', role: 'status', 'data-testid': 'status' });
    const body = h('div', {});
    const idInput = h('input', { id: 'wl-id', type: 'text', pattern: '[a-z0-9][a-z0-9._-]*', 'data-testid': 'new-definition-id', placeholder: 'vi-du-nhac-nhe' });
    const nameInput = h('input', { id: 'wl-name', type: 'text', 'data-testid': 'new-definition-name', placeholder: 'Tên quy trình' });
    const create = async () => {
      const id = idInput.value.trim();
      if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) { status.textContent = 'Mã quy trình chỉ gồm chữ thường không dấu, số, "-", "_" và ".".'; return; }
      const definition = {
        definitionId: id, name: nameInput.value.trim() || id, version: 1, isPublished: false, variables: [],
        root: { id: 'Flowchart1', type: 'Elsa.Flowchart', activities: [
          { id: 'start', type: 'Cchc.MilestoneStart', metadata: { designer: { position: { x: 0, y: 0 } } } },
          { id: 'end', type: 'Elsa.End', metadata: { designer: { position: { x: 260, y: 0 } } } },
        ], connections: [{ source: { activity: 'start', port: 'Done' }, target: { activity: 'end', port: 'In' } }] },
      };
      try {
        await this.api.put(`/definitions/${encodeURIComponent(id)}/draft`, JSON.stringify(definition, null, 2));
        window.location.href = this.link(id);
      } catch (e) {
        status.textContent = e.message;
      }
    };
    clear(this.container, h('div', { class: 'wd-root wl-root' },
      h('h2', {}, 'Các quy trình nhắc hạn'), status, body,
      h('h2', {}, 'Tạo quy trình mới'),
      h('div', { class: 'wd-inline' },
        h('div', { class: 'wd-field' }, h('label', { for: 'wl-id' }, 'Mã quy trình'), idInput),
        h('div', { class: 'wd-field' }, h('label', { for: 'wl-name' }, 'Tên'), nameInput),
        h('button', { type: 'button', class: 'wd-btn wd-primary', 'data-testid': 'new-definition-create', onclick: create }, 'Tạo bản nháp'))));
    try {
      const list = await this.api.get('/definitions');
      clear(body, h('table', { class: 'wd-table', 'data-testid': 'definition-list' },
        h('thead', {}, h('tr', {}, ['Mã', 'Tên', 'Phiên bản đang dùng', 'Bản nháp'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, list.map((d) => h('tr', { 'data-definition': d.definitionId },
          h('td', {}, h('a', { href: this.link(d.definitionId) }, d.definitionId)),
          h('td', {}, d.name),
          h('td', {}, d.latestPublishedVersion ? `v${d.latestPublishedVersion}` : 'chưa công bố'),
          h('td', {}, d.hasDraft ? `có (lưu ${formatDateTime(d.draftSavedAt)})` : '—'))))));
    } catch (e) {
      status.textContent = e.message;
    }
  }
}
