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

    const refresh = async () => {
        const target = url();
        const ticket = ++latest;
        const results = document.getElementById('discover-results');
        results?.setAttribute('aria-busy', 'true');
        try {
            const response = await fetch(target, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
            if (!response.ok || ticket !== latest) return;
            const page = new DOMParser().parseFromString(await response.text(), 'text/html');
            const fresh = page.getElementById('discover-results');
            if (!fresh || ticket !== latest) return;
            document.getElementById('discover-results')?.replaceWith(fresh);
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
