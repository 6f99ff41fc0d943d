(function () {
  'use strict';
  // Plays a take's files back to back as one take; time() is the position in the whole take.
  class Player {
    constructor(video) {
      this.video = video;
      this.load(video.dataset.files || '', video.dataset.durations || '');
      video.addEventListener('ended', () => { if (this.index < this.files.length - 1) { this.go(this.index + 1, 0, true); } });
      video.addEventListener('timeupdate', () => {
        const clock = video.parentElement.querySelector('.clock');
        if (clock) { clock.textContent = this.time().toFixed(1) + ' / ' + this.total().toFixed(1) + ' s'; }
      });
    }
    load(files, durations) {
      this.files = files.split('|').filter(f => f.length > 0);
      this.durations = durations.split('|').filter(d => d.length > 0).map(Number);
      this.index = 0;
      if (this.files.length > 0 && this.video.getAttribute('src') !== this.files[0]) { this.video.src = this.files[0]; }
    }
    total() { return this.durations.reduce((a, b) => a + b, 0); }
    offset(i) { let s = 0; for (let k = 0; k < i; k++) { s += this.durations[k]; } return s; }
    time() { return this.offset(this.index) + (this.video.currentTime || 0); }
    playing() { return !this.video.paused && !this.video.ended; }
    go(i, t, play) {
      const v = this.video;
      if (i !== this.index) { this.index = i; v.src = this.files[i]; }
      const apply = () => { v.currentTime = t; if (play) { v.play().catch(() => {}); } };
      if (v.readyState >= 1) { apply(); }
      else if (t === 0 && play) { v.play().catch(() => {}); } // From the start: nothing to seek, and play() loads the file.
      else { v.addEventListener('loadedmetadata', apply, { once: true }); }
    }
    seek(global, play) {
      let i = 0;
      while (i < this.files.length - 1 && global >= this.offset(i + 1)) { i++; }
      this.go(i, Math.max(0, global - this.offset(i)), play);
    }
    // Resolves once the current file's metadata is in (or it failed to load), so two players can start together; after
    // a few seconds at most, so a player the browser is slow to load never holds the other back (play() loads it).
    ready() {
      const v = this.video;
      if (v.readyState >= 1 || v.error) { return Promise.resolve(); }
      return new Promise(resolve => {
        v.addEventListener('loadedmetadata', resolve, { once: true });
        v.addEventListener('error', resolve, { once: true });
        setTimeout(resolve, 3000);
      });
    }
    play() { return this.video.play(); }
    pause() { this.video.pause(); }
    toggle() { if (this.playing()) { this.pause(); } else { this.play().catch(() => {}); } }
  }

  const players = new Map();
  document.querySelectorAll('article.take video[data-files]').forEach(v => players.set(v, new Player(v)));

  // Keyboard: next / previous take, play / pause.
  const takes = Array.from(document.querySelectorAll('article.take'));
  let current = -1;
  function select(i) {
    if (takes.length === 0) { return; }
    current = Math.max(0, Math.min(takes.length - 1, i));
    takes.forEach((t, j) => t.classList.toggle('selected', j === current));
    takes[current].scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('keydown', e => {
    if (e.target.closest && e.target.closest('input, textarea, select')) { return; }
    if (e.key === 'j' || e.key === 'J' || e.key === 'ArrowDown') { select(current + 1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'K' || e.key === 'ArrowUp') { select(current - 1); e.preventDefault(); }
    else if (e.key === ' ') {
      if (current < 0) { select(0); }
      const v = takes[current] && takes[current].querySelector('video');
      if (v && players.has(v)) { players.get(v).toggle(); }
      e.preventDefault();
    }
  });
  takes.forEach((t, i) => t.addEventListener('click', () => { current = i; takes.forEach((x, j) => x.classList.toggle('selected', j === i)); }));

  // Compare: two takes of one sequence side by side; B follows A's clock.
  const box = document.getElementById('compare');
  const a = new Player(document.getElementById('compare-a'));
  const b = new Player(document.getElementById('compare-b'));
  a.video.addEventListener('timeupdate', () => {
    // Only while B can follow: re-seeking a B that is still loading or seeking would keep it from ever playing.
    const bSettled = b.video.readyState >= 1 && !b.video.seeking;
    if (a.playing() && bSettled && Math.abs(a.time() - b.time()) > 0.15 && a.time() < b.total()) { b.seek(a.time(), true); }
  });
  a.video.addEventListener('pause', () => b.pause());
  function take(sequence, number) { return document.getElementById('take-' + sequence + '-' + number); }
  function openCompare(sequence, na, nb) {
    const ta = take(sequence, na), tb = take(sequence, nb);
    if (!ta || !tb) { return; }
    const va = ta.querySelector('video'), vb = tb.querySelector('video');
    if (!va || !vb) { return; }
    players.forEach(p => p.pause());
    a.load(va.dataset.files, va.dataset.durations);
    b.load(vb.dataset.files, vb.dataset.durations);
    document.getElementById('compare-title').textContent = sequence + ': take ' + na + ' | take ' + nb;
    document.getElementById('compare-a-label').textContent = 'take ' + na;
    document.getElementById('compare-b-label').textContent = 'take ' + nb;
    box.classList.add('open');
    box.dataset.sequence = sequence;
  }
  document.querySelectorAll('section.group button.compare').forEach(btn => btn.addEventListener('click', () => {
    const group = btn.closest('section.group');
    openCompare(group.dataset.sequence, group.querySelector('select.cmp-a').value, group.querySelector('select.cmp-b').value);
  }));
  document.getElementById('compare-play').addEventListener('click', () => {
    Promise.all([a.ready(), b.ready()]).then(() => { a.seek(0, true); b.seek(0, true); });
  });
  document.getElementById('compare-pause').addEventListener('click', () => { a.pause(); b.pause(); });
  document.getElementById('compare-close').addEventListener('click', () => { a.pause(); b.pause(); box.classList.remove('open'); });

  // Decisions: built from clicks, downloaded as decisions.json for 'starsend review import'.
  const decisions = [];
  const list = document.getElementById('decision-list');
  const download = document.getElementById('download');
  function show() {
    list.replaceChildren(...decisions.map((d, i) => {
      const li = document.createElement('li');
      li.textContent = d.sequence + ' take ' + d.take + ': ' + d.action + (d.reason ? ' (' + d.reason + ')' : '') + (d.text ? ' (' + d.text + ')' : '') + ' ';
      const x = document.createElement('button');
      x.type = 'button';
      x.textContent = 'remove';
      x.addEventListener('click', () => { decisions.splice(i, 1); show(); });
      li.appendChild(x);
      return li;
    }));
    document.getElementById('decision-count').textContent = String(decisions.length);
    download.disabled = decisions.length === 0;
  }
  function decide(article, action, extra) {
    const d = Object.assign({ sequence: article.dataset.sequence, take: Number(article.dataset.take), take_stamp: article.dataset.stamp, action: action }, extra);
    for (let i = decisions.length - 1; i >= 0; i--) {
      const o = decisions[i];
      const sameTake = o.sequence === d.sequence && o.take === d.take;
      // One status per take, one approve per sequence; notes add up.
      if (action !== 'note' && o.action !== 'note' && (sameTake || (action === 'approve' && o.action === 'approve' && o.sequence === d.sequence))) { decisions.splice(i, 1); }
    }
    decisions.push(d);
    show();
  }
  document.addEventListener('click', e => {
    const button = e.target.closest && e.target.closest('button[data-action]');
    if (!button) { return; }
    const article = button.closest('article.take');
    const action = button.dataset.action;
    if (action === 'retake' || action === 'note') {
      const input = article.querySelector(action === 'retake' ? 'input.reason' : 'input.note');
      const value = input.value.trim();
      if (value.length === 0) { input.classList.add('missing'); input.focus(); return; }
      input.classList.remove('missing');
      input.value = '';
      decide(article, action, action === 'retake' ? { reason: value } : { text: value });
    } else {
      decide(article, action, {});
    }
  });
  download.addEventListener('click', () => {
    const reviewer = document.getElementById('reviewer').value.trim();
    const doc = { format: 'starsend-decisions', version: 1, project: document.body.dataset.project, page_written_at: document.body.dataset.written, decisions: decisions };
    if (reviewer.length > 0) { doc.reviewer = reviewer; }
    const blob = new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'decisions.json';
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 5000);
  });
  show();
})();
