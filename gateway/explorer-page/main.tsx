import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './explorer.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readConfig } from './config';
import { setUpWorkers } from './workers';

const config = readConfig();
setUpWorkers(config.workers);
createRoot(document.getElementById('explorer')!).render(<App config={config} />);
