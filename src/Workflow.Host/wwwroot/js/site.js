// The pages' only script (the Content-Security-Policy runs no inline script or handler):
// a select marked data-submit-on-change submits its form when a choice is made.
document.addEventListener('change', (event) => {
  const select = event.target;
  if (select instanceof HTMLSelectElement && select.hasAttribute('data-submit-on-change') && select.form) {
    select.form.submit();
  }
});
