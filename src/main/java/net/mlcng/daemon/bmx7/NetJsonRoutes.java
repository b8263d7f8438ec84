package net.mlcng.daemon.bmx7;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A NetJSON {@code NetworkRoutes} as bmx7's json plugin writes it. Its {@code hops} is not a
 * reliable hop count (the recorded file gives 0 for one direct neighbour and 1 for the other):
 * hop counts come from the originators view.
 */
public record NetJsonRoutes(
        String type,
        String protocol,
        String version,
        String metric,
        @JsonProperty("router_id") String routerId,
        List<Route> routes) {

    public NetJsonRoutes {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    public record Route(
            String destination,
            @JsonProperty("destination_id") String destinationId,
            @JsonProperty("destination_label") String destinationLabel,
            String next,
            @JsonProperty("next_id") String nextId,
            @JsonProperty("next_label") String nextLabel,
            double cost,
            @JsonProperty("cost_text") String costText,
            int hops,
            String device) {}
}
