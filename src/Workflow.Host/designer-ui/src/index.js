// One bundle for both pages: <div id="designer" data-definition="ID" data-api="/api"> and <div id="rules-editor" data-api="/api">.
import './designer.css';
import { createApi } from './api.js';
import { Designer } from './designer.js';
import { RulesEditor } from './rules.js';
import { DefinitionList } from './list.js';

function mount() {
  const designer = document.getElementById('designer');
  if (designer) {
    const api = createApi(designer.dataset.api);
    const id = designer.dataset.definition;
    const app = id ? new Designer(designer, api, id) : new DefinitionList(designer, api);
    window.workflowDesigner = app; // for tests and the console
    app.start();
  }
  const rules = document.getElementById('rules-editor');
  if (rules) {
    const app = new RulesEditor(rules, createApi(rules.dataset.api));
    window.workflowRulesEditor = app;
    app.start();
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
