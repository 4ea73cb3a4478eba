// Reads the QR code printed on a chip CCCD with the phone's camera, where the browser has BarcodeDetector,
// and fills the form. The QR holds "CCCD|CMND|Họ tên|ddMMyyyy|Giới tính|Địa chỉ|Ngày cấp". Typing always works.
(function () {
  const button = document.getElementById('scan');
  const video = document.getElementById('camera');
  if (!button || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream; video.hidden = false; await video.play();
    const stop = () => { stream.getTracks().forEach(t => t.stop()); video.hidden = true; };
    for (let tries = 0; tries < 300; tries++) {
      const codes = await detector.detect(video).catch(() => []);
      const parts = codes.length ? codes[0].rawValue.split('|') : [];
      if (parts.length >= 4 && /^\d{12}$/.test(parts[0])) {
        const form = button.form;
        form.idNumber.value = parts[0];
        form.fullName.value = parts[2];
        const d = parts[3];
        form.birthDate.value = d.slice(4, 8) + '-' + d.slice(2, 4) + '-' + d.slice(0, 2);
        stop();
        return;
      }
      await new Promise(r => setTimeout(r, 100));
    }
    stop();
  });
})();
