// The operations console's only script (CSP: script-src 'self'): the print button of the card view.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-print]').forEach(button =>
        button.addEventListener('click', () => window.print()));
});
