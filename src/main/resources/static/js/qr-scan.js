// Fills the payload field from the phone camera where the browser has BarcodeDetector; otherwise the
// inspector takes a photo, which the server decodes.
(function () {
  const button = document.getElementById('scan');
  const video = document.getElementById('camera');
  const field = document.getElementById('payload');
  if (!button || !field || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream; video.hidden = false; await video.play();
    for (let tries = 0; tries < 300; tries++) {
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length) { field.value = codes[0].rawValue; break; }
      await new Promise(r => setTimeout(r, 100));
    }
    stream.getTracks().forEach(t => t.stop()); video.hidden = true;
  });
})();
