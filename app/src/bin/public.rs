//! The public entry: the comparison and the producers' public profiles, which is what
//! most visitors load, so it names nothing else (see [`seteli_domain::entries`]).

use seteli_app::pages::public::comparison::ComparisonPage;
use seteli_app::pages::public::producer::ProducerPage;
use seteli_domain::entries::Entry;

seteli_app::entry_main!(Entry::Public, {
    "/" => ComparisonPage,
    "/producers/:id" => ProducerPage,
});
