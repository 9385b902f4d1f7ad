# The reference broker as a container image, built from a checkout of this repository:
#   docker build -t oidc-exchange-broker .
# dist/ is the bundle `npm ci` builds in the checkout (or `npm run build`), from the sources CI tests, so run
# one of them first; it is self-contained and needs nothing but Node (no node_modules, no npm install).
# Pinned by digest (node:24-bookworm-slim, Node 24.18.0), so a rebuild gets the same base; Dependabot (docker
# ecosystem, .github/dependabot.yml) proposes the next digest.
FROM node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d
WORKDIR /opt/oidc-exchange
COPY package.json LICENSE ./
COPY dist/ ./dist/
USER node
EXPOSE 8080
# Mount the configuration read-only at /etc/oidc-exchange/ and give the secrets as environment variables or
# mounted files. Inside a container the broker must listen on 0.0.0.0 to be reachable: --host says so.
ENTRYPOINT ["node", "/opt/oidc-exchange/dist/cli.js", "broker"]
CMD ["--config", "/etc/oidc-exchange/broker.yaml", "--host", "0.0.0.0"]
# $HEALTH_URL: https://127.0.0.1:8443/healthz when the configuration has listen.tls (docs/deploy.md).
HEALTHCHECK --interval=10s --timeout=2s CMD ["node", "-e", "fetch(process.env.HEALTH_URL || 'http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
