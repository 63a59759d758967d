// The budget slider mirrors the budget field and plans again when it is let go; without scripts the field alone works.
(() => {
  const slider = document.querySelector("[data-budget-slider]");
  const field = document.getElementById("budget");
  const form = document.getElementById("plan-form");
  if (!slider || !field || !form) return;
  slider.addEventListener("input", () => { field.value = slider.value; });
  slider.addEventListener("change", () => {
    field.value = slider.value;
    if (form.querySelector("button[type=submit]")) form.requestSubmit();
  });
  field.addEventListener("input", () => { slider.value = field.value; });
})();
