// Small enhancements for every page; the pages work without them. No inline scripts: the CSP forbids them.
(function () {
  'use strict';

  // What this script disables carries this mark, so that only that is enabled again: a field the page itself
  // disables (an administrator's own Admin role) stays disabled.
  var MARK = 'data-disabled-by-script';

  function disable(field) {
    if (!field.disabled) {
      field.disabled = true;
      field.setAttribute(MARK, '');
    }
  }

  // Forms that undo something hard to undo ask first (data-confirm holds the question in the page's language).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // Filters leave out what is not chosen, so the address stays short enough to share.
    if (form.method === 'get') {
      form.querySelectorAll('input, select').forEach(function (field) {
        if (field.name && field.value === '') {
          disable(field);
        }
      });
    }
    // One click, one request: buttons are disabled once the browser has taken the form's data.
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(disable);
    }, 0);
  });

  // Back from the browser's cache, the buttons and fields this script disabled must work again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('[' + MARK + ']').forEach(function (field) {
      field.disabled = false;
      field.removeAttribute(MARK);
    });
  });

  // A form field that was refused gets the focus, so the reason next to it is read first.
  document.addEventListener('DOMContentLoaded', function () {
    var invalid = document.querySelector('input.invalid, select.invalid, textarea.invalid');
    if (invalid) {
      var details = invalid.closest('details');
      if (details) {
        details.open = true;
      }
      invalid.focus();
    }
  });
})();
