import './action-main/index.js';
