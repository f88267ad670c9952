// The rules editor: workflows/rules.yaml as a draft, checked, run on a plan, published.
import { ApiError } from './api.js';
import { h, clear, scrollBox, formatDateTime, formatDay } from './dom.js';

export class RulesEditor {
  constructor(container, api) {
    this.container = container;
    this.api = api;
    this.dirty = false;
  }

  async start() {
    const button = (testid, text, onclick) => h('button', { type: 'button', class: 'wd-btn', 'data-testid': testid, onclick }, text);
    this.text = h('textarea', {
      class: 'wr-yaml', id: 'wr-yaml', spellcheck: 'false', 'data-testid': 'rules-yaml', rows: 28,
      oninput: () => { this.dirty = true; this.renderState(); },
    });
    this.state = h('span', { class: 'wd-state', 'data-testid': 'rules-state' });
    this.statusEl = h('div', { class: 'wd-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
    this.problemsEl = h('div', { class: 'wd-panel', 'data-testid': 'problems' });
    this.plan = h('select', { id: 'wr-plan', 'data-testid': 'dry-run-plan' });
    this.result = h('div', { 'data-testid': 'rules-dry-run' });
    this.historyEl = h('div', { 'data-testid': 'rules-history' });
    clear(this.container, h('div', { class: 'wd-root wr-root' },
      h('div', { class: 'wd-toolbar', role: 'toolbar', 'aria-label': 'Thanh công cụ' },
        h('div', { class: 'wd-heading' }, h('span', { class: 'wd-title' }, 'Quy tắc chọn quy trình'), this.state),
        h('div', { class: 'wd-group' },
          button('toolbar-save', 'Lưu bản nháp', () => this.save()),
          button('toolbar-dry-run', 'Chạy thử', () => this.dryRun()),
          button('toolbar-publish', 'Công bố', () => this.publish()),
          button('toolbar-discard', 'Bỏ bản nháp', () => this.discard()))),
      this.statusEl,
      h('div', { class: 'wr-main' },
        h('section', { class: 'wr-editor' },
          h('label', { for: 'wr-yaml', class: 'wd-label' }, 'Nội dung rules.yaml (quy tắc đầu tiên khớp được dùng)'),
          this.text,
          h('h2', {}, 'Lỗi'), this.problemsEl),
        h('section', { class: 'wr-side' },
          h('div', { class: 'wd-field' }, h('label', { for: 'wr-plan' }, 'Chạy thử trên kế hoạch'), this.plan),
          this.result,
          h('h2', {}, 'Lịch sử công bố'), this.historyEl))));
    this.container.classList.add('wd-host');
    await Promise.all([this.load(), this.loadPlans(), this.loadHistory()]);
    window.addEventListener('beforeunload', (e) => { if (this.dirty) { e.preventDefault(); e.returnValue = ''; } });
  }

  status(text, kind = 'info') {
    this.statusEl.textContent = text;
    this.statusEl.dataset.kind = kind;
  }

  renderState() {
    const parts = [this.isDraft ? 'Bản nháp' : 'Đang áp dụng'];
    if (this.dirty) parts.push('chưa lưu');
    this.state.textContent = `(${parts.join(', ')})`;
  }

  async load() {
    try {
      const doc = await this.api.get('/rules/draft');
      this.text.value = doc.yaml;
      this.isDraft = doc.isDraft;
      this.dirty = false;
      this.renderState();
      this.renderProblems(doc.problems);
    } catch (e) {
      this.status(e.message, 'error');
    }
  }

  async loadPlans() {
    try {
      const plans = await this.api.get('/plan-files');
      clear(this.plan, plans.map((p) => h('option', { value: p.id }, `${p.id} — ${p.title}`)));
      const latest = [...plans].sort((a, b) => b.year - a.year)[0];
      if (latest) this.plan.value = latest.id;
    } catch {
      clear(this.plan, h('option', { value: '' }, 'Không tải được danh sách kế hoạch'));
    }
  }

  async loadHistory() {
    try {
      const list = await this.api.get('/rules/history');
      clear(this.historyEl, list.length
        ? h('table', { class: 'wd-table' },
          h('thead', {}, h('tr', {}, ['Thời điểm', 'Người công bố', 'Bản trước'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, list.map((p) => h('tr', {}, h('td', {}, formatDateTime(p.at)), h('td', {}, p.by), h('td', {}, p.previous || '—')))))
        : h('p', {}, 'Chưa công bố lần nào từ trang này.'));
    } catch (e) {
      clear(this.historyEl, h('p', { class: 'wd-error' }, e.message));
    }
  }

  renderProblems(problems) {
    clear(this.problemsEl, problems && problems.length
      ? h('ul', { class: 'wd-problems', 'data-testid': 'problems-list' }, problems.map((p) => h('li', {
        class: 'wd-problem', 'data-testid': 'problem', 'data-line': p.line || '', onclick: () => this.goToLine(p.line),
      }, p.line ? h('strong', {}, `Dòng ${p.line}: `) : null, p.message)))
      : h('p', { class: 'wd-ok', 'data-testid': 'problems-empty' }, 'Không có lỗi.'));
  }

  goToLine(line) {
    if (!line) return;
    const lines = this.text.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    this.text.focus();
    this.text.setSelectionRange(start, start + (lines[line - 1] || '').length);
  }

  async save() {
    try {
      const result = await this.api.put('/rules/draft', { yaml: this.text.value });
      this.isDraft = true;
      this.dirty = false;
      this.renderState();
      this.renderProblems(result.problems);
      this.status(result.problems.length ? `Đã lưu bản nháp; còn ${result.problems.length} lỗi.` : 'Đã lưu bản nháp; không có lỗi.', result.problems.length ? 'warning' : 'ok');
      return true;
    } catch (e) {
      this.fail(e, 'Không lưu được bản nháp');
      return false;
    }
  }

  async dryRun() {
    clear(this.result, h('p', {}, 'Đang chạy thử…'));
    try {
      const run = await this.api.post('/rules/dry-run', { plan: this.plan.value, yaml: this.text.value });
      this.renderProblems([]);
      const counts = Object.entries(run.counts);
      clear(this.result,
        h('h2', {}, `Kết quả trên ${run.planId}`),
        h('table', { class: 'wd-table', 'data-testid': 'rules-counts' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Quy trình'), h('th', { scope: 'col' }, 'Số mốc hạn'))),
          h('tbody', {}, counts.map(([d, n]) => h('tr', { 'data-definition': d }, h('td', {}, d), h('td', {}, String(n)))))),
        scrollBox('Quy trình của từng mốc hạn',
          h('table', { class: 'wd-table', 'data-testid': 'rules-assignments' },
            h('thead', {}, h('tr', {}, ['TT', 'Nhiệm vụ', 'Mốc', 'Hạn', 'Loại thời hạn', 'Quy trình', 'Quy tắc'].map((c) => h('th', { scope: 'col' }, c)))),
            h('tbody', {}, run.assignments.map((a) => h('tr', {},
              h('td', {}, a.taskId), h('td', { class: 'wd-clip', title: a.taskTitle }, a.taskTitle),
              h('td', {}, a.milestoneLabel ? `${a.milestone}. ${a.milestoneLabel}` : String(a.milestone)),
              h('td', {}, a.due ? formatDay(a.due) : '—'), h('td', {}, a.scheduleKind), h('td', {}, a.definition),
              h('td', {}, a.ruleLine ? `dòng ${a.ruleLine}` : 'mặc định')))))));
      this.status('Chạy thử xong.', 'ok');
    } catch (e) {
      clear(this.result, h('p', { class: 'wd-error' }, e.message));
      this.fail(e, 'Không chạy thử được');
    }
  }

  async publish() {
    if ((this.dirty || !this.isDraft) && !(await this.save())) return;
    try {
      const result = await this.api.post('/rules/publish');
      this.status(`Đã công bố quy tắc lúc ${formatDateTime(result.publication.at)}. Các mốc mới dùng quy tắc này.`, 'ok');
      await Promise.all([this.load(), this.loadHistory()]);
    } catch (e) {
      this.fail(e, 'Không công bố được');
    }
  }

  async discard() {
    if (!window.confirm('Bỏ bản nháp và quay về quy tắc đang áp dụng?')) return;
    try {
      await this.api.del('/rules/draft');
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) { this.fail(e, 'Không bỏ được bản nháp'); return; }
    }
    await this.load();
    this.status('Đã bỏ bản nháp.', 'ok');
  }

  fail(e, what) {
    if (e instanceof ApiError && e.problems.length) this.renderProblems(e.problems);
    this.status(`${what}: ${e.message}`, 'error');
  }
}
