// Small enhancements for every page; the pages work without them. No inline scripts: the CSP forbids them.
(function () {
  'use strict';

  // Forms that undo something hard to undo ask first (data-confirm holds the question in the page's language).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // One click, one request: buttons are disabled once the browser has taken the form's data.
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });

  // Back from the browser's cache, the buttons must work again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('button[type=submit][disabled]').forEach(function (button) {
      button.disabled = false;
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
