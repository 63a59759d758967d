// The Discover page follows its filters as they change: after a short pause it fetches the same GET search the
// Search button would run and swaps in the results, keeping focus in the filter being edited. Without this script
// the form works as a plain GET form.
(() => {
    const form = document.getElementById('discover-filters');
    if (!form || !window.fetch || !window.DOMParser) return;
    let timer = 0;
    let latest = 0;

    const url = () => {
        const params = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
            if (String(value).trim() !== '') params.append(name, String(value));
        }
        const query = params.toString();
        return form.action + (query ? '?' + query : '');
    };

    // What the user has started in the add-to-list form (inside the results) survives a swap: the new list's name, the
    // chosen list and campaign, the ticked creators still in the results, and the focus.
    const keep = () => ({
        name: document.getElementById('discover-add-new')?.value ?? '',
        list: document.getElementById('discover-add-list')?.value ?? null,
        campaign: document.getElementById('discover-add-campaign')?.value ?? null,
        ticked: [...document.querySelectorAll('input.pick:checked')].map((box) => box.value),
        focus: document.activeElement?.closest('#discover-results') ? document.activeElement.id : '',
    });
    const restore = (kept) => {
        const name = document.getElementById('discover-add-new');
        if (name && !name.value) name.value = kept.name;
        for (const [id, value] of [['discover-add-list', kept.list], ['discover-add-campaign', kept.campaign]]) {
            const select = document.getElementById(id);
            if (select && value !== null && [...select.options].some((option) => option.value === value)) select.value = value;
        }
        for (const box of document.querySelectorAll('input.pick')) {
            if (kept.ticked.includes(box.value)) box.checked = true;
        }
        if (kept.focus) document.getElementById(kept.focus)?.focus();
    };

    // The query the results on the page answer. Leaving a field fires 'change' after the 'input' events that already
    // fetched its value: asking again would swap the same results in for nothing.
    let shown = url();

    const refresh = async () => {
        const target = url();
        const ticket = ++latest;
        if (target === shown) return;
        const results = document.getElementById('discover-results');
        results?.setAttribute('aria-busy', 'true');
        try {
            const response = await fetch(target, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
            if (!response.ok || ticket !== latest) return;
            const page = new DOMParser().parseFromString(await response.text(), 'text/html');
            const fresh = page.getElementById('discover-results');
            if (!fresh || ticket !== latest) return;
            const kept = keep();
            document.getElementById('discover-results')?.replaceWith(fresh);
            restore(kept);
            shown = target;
            history.replaceState(null, '', target);
        } catch {
            // A failed refresh leaves the previous results; the Search button still works.
        } finally {
            document.getElementById('discover-results')?.removeAttribute('aria-busy');
        }
    };

    const later = (delay) => {
        clearTimeout(timer);
        timer = setTimeout(refresh, delay);
    };

    const belongs = (element) => element instanceof HTMLElement && (element.form === form || element.closest('#discover-filters') === form);
    document.addEventListener('change', (event) => { if (belongs(event.target)) later(250); });
    document.addEventListener('input', (event) => {
        if (belongs(event.target) && event.target.matches('input[type=search], input[type=text]')) later(600);
    });
})();
