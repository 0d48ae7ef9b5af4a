package io.visualcircuit.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.ParamSpec;
import io.visualcircuit.runtime.circuit.PortSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code vcircuit blocks [--json]}: the block catalog, as text for people or JSON for tools. */
@Command(name = "blocks", mixinStandardHelpOptions = true, description = "List every block type.")
public final class BlocksCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the catalog as JSON.")
    private boolean json;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalog.standard();
        if (json) {
            out.println(toJson(catalog));
        } else {
            printText(catalog, out);
        }
        out.flush();
        return 0;
    }

    /** The catalog as a JSON document: {@code {"version": ..., "categories": [...], "types": [...]}}. */
    public static String toJson(Catalog catalog) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VcircuitCommand.version());
        ArrayNode categories = root.putArray("categories");
        catalog.categories().forEach(categories::add);
        ArrayNode types = root.putArray("types");
        for (BlockType t : catalog.types()) {
            ObjectNode n = types.addObject();
            n.put("id", t.id());
            n.put("category", t.category());
            n.put("description", t.description());
            n.put("execution", t.execution().name().toLowerCase(Locale.ROOT));
            n.put("defaultRate", t.defaultRate());
            n.put("codeBlock", t.codeBlock());
            ArrayNode ports = n.putArray("ports");
            for (PortSpec p : t.ports()) {
                ports.addObject().put("name", p.name())
                        .put("direction", p.direction().name().toLowerCase(Locale.ROOT))
                        .put("type", p.type().jsonName());
            }
            ArrayNode params = n.putArray("params");
            for (ParamSpec p : t.params()) {
                ObjectNode pn = params.addObject();
                pn.put("name", p.name());
                pn.put("type", p.type().jsonName());
                pn.set("default", mapper.valueToTree(p.defaultValue()));
                pn.set("min", mapper.valueToTree(p.min()));
                pn.set("max", mapper.valueToTree(p.max()));
                pn.put("unit", p.unit());
                ArrayNode choices = pn.putArray("choices");
                p.choices().forEach(choices::add);
                pn.put("description", p.description());
            }
        }
        return mapper.writeValueAsString(root);
    }

    private static void printText(Catalog catalog, PrintWriter out) {
        for (String category : catalog.categories()) {
            out.println(category);
            for (BlockType t : catalog.types()) {
                if (!t.category().equals(category)) {
                    continue;
                }
                out.printf("  %-15s %s%n", t.id(), t.description());
                if (t.codeBlock()) {
                    out.printf("  %-15s ports and parameters are declared by each block%n", "");
                }
                if (!t.ports().isEmpty()) {
                    out.printf("  %-15s ports:  %s%n", "", t.ports().stream()
                            .map(p -> p.name() + " (" + (p.direction() == io.visualcircuit.runtime.circuit.Direction.IN
                                    ? "in" : "out") + ", " + p.type().jsonName() + ")")
                            .collect(Collectors.joining(", ")));
                }
                if (!t.params().isEmpty()) {
                    out.printf("  %-15s params: %s%n", "", t.params().stream().map(BlocksCommand::describe)
                            .collect(Collectors.joining(", ")));
                }
            }
            out.println();
        }
    }

    private static String describe(ParamSpec p) {
        StringBuilder s = new StringBuilder(p.name()).append(" = ")
                .append(p.defaultValue() == null ? "(unset)" : p.defaultValue() instanceof String str ? "\"" + str + "\""
                        : p.defaultValue());
        if (p.unit() != null) {
            s.append(' ').append(p.unit());
        }
        if (!p.choices().isEmpty()) {
            s.append(" {").append(String.join(" ", p.choices())).append('}');
        }
        return s.toString();
    }
}
