// Reports the first painted frame, exactly as Keystep's page does after its first codes.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('first_code_painted')));
