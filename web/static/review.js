// The review queue with the keyboard: j/k move between quotes, c or Enter confirms, 1-9 pick
// a candidate, t types a speaker, n says no one is named. Each decision is the item's own
// form, posted as without JavaScript; the queue then opens on the next quote.
"use strict";

function items() {
  return Array.from(document.querySelectorAll(".review-item"));
}

function current() {
  const active = document.activeElement;
  return active && active.closest ? active.closest(".review-item") : null;
}

function move(step) {
  const all = items();
  if (!all.length) return;
  const at = all.indexOf(current());
  const next = all[Math.min(all.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
  next.focus();
  next.scrollIntoView({ block: "nearest" });
}

function press(item, key) {
  const target = item.querySelector(`[data-key="${key}"]`);
  if (!target) return false;
  if (target.tagName === "INPUT") {
    target.focus();
  } else {
    target.form.requestSubmit(target);
  }
  return true;
}

document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const typing = event.target.tagName === "INPUT" || event.target.tagName === "TEXTAREA";
  if (typing) {
    if (event.key === "Escape") event.target.closest(".review-item").focus();
    return;
  }
  if (event.key === "j" || event.key === "ArrowDown") {
    move(1);
  } else if (event.key === "k" || event.key === "ArrowUp") {
    move(-1);
  } else {
    const item = current();
    if (!item) return;
    if (event.key === "Enter" && event.target !== item) return; // a focused button takes it
    const key = event.key === "Enter" ? "c" : event.key;
    if (!press(item, key)) return;
  }
  event.preventDefault();
});

document.addEventListener("DOMContentLoaded", () => {
  const first = items()[0];
  if (first) first.focus();
});
