-- Generated from subgraphs/index.ts by `npm run compose`. One login role per subgraph, owning its
-- schema and nothing else; a shared NOLOGIN role owns the event queue (schema pgboss), and every
-- subgraph role may act as it (they connect with EVENTS_ROLE=commerce_events). Run as a superuser
-- in the database the subgraphs use (docker-compose runs it in "commerce"); change the passwords.
create role commerce_events nologin;
create schema pgboss authorization commerce_events;

-- The gateway: no schema, only the event queue (its response cache consumes invalidation events).
create role commerce_gateway login password 'dev-only-gateway-password';
grant commerce_events to commerce_gateway;

create role commerce_products login password 'dev-only-products-password';
grant commerce_events to commerce_products;
create schema products authorization commerce_products;
revoke all on schema products from public;

create role commerce_inventory login password 'dev-only-inventory-password';
grant commerce_events to commerce_inventory;
create schema inventory authorization commerce_inventory;
revoke all on schema inventory from public;

create role commerce_customers login password 'dev-only-customers-password';
grant commerce_events to commerce_customers;
create schema customers authorization commerce_customers;
revoke all on schema customers from public;

create role commerce_cart login password 'dev-only-cart-password';
grant commerce_events to commerce_cart;
create schema cart authorization commerce_cart;
revoke all on schema cart from public;

create role commerce_orders login password 'dev-only-orders-password';
grant commerce_events to commerce_orders;
create schema orders authorization commerce_orders;
revoke all on schema orders from public;

create role commerce_shipping login password 'dev-only-shipping-password';
grant commerce_events to commerce_shipping;
create schema shipping authorization commerce_shipping;
revoke all on schema shipping from public;
