// "Copy" buttons: each copies the text of the element its data-copy-target names. Without
// JavaScript the buttons stay hidden and the text stays selectable in its readonly textarea.
"use strict";

function copyFrom(button) {
  const source = document.getElementById(button.dataset.copyTarget);
  if (!source) return;
  const text = "value" in source ? source.value : source.textContent;
  const done = () => {
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy"; }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => selectText(source));
  } else {
    selectText(source);
    if (document.execCommand && document.execCommand("copy")) done();
  }
}

function selectText(source) {
  if (source.select) source.select();
}

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-copy-target]")) {
    button.hidden = false;
    button.addEventListener("click", () => copyFrom(button));
  }
});
