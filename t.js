const puppeteer = require('puppeteer-core');
(async()=>{
  const b = await puppeteer.launch({executablePath:'/usr/bin/chromium',args:['--headless','--no-sandbox','--disable-gpu','--disable-background-networking']});
  const p = await b.newPage();
  p.on('request', r=>console.log('req',r.url()));
  p.on('requestfailed', r=>console.log('fail',r.url(), r.failure()));
  p.on('response', r=>console.log('resp',r.status(),r.url()));
  try { await p.goto(process.argv[2],{waitUntil:'domcontentloaded',timeout:30000}); console.log('ok', await p.title()); } catch(e){console.log(e.message)}
  await b.close();
})();
