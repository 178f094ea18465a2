#pragma once
// Resource limits on region and scenario files, checked so that a hostile or broken file gets a clear error
// rather than exhausting the stack, the memory or the time: its size, its nesting (checked on the text, before
// yaml-cpp recurses into it) and how far its aliases expand (yaml-cpp shares an aliased node, but the readers walk
// it once per alias: a "billion laughs" of a few kilobytes made them allocate gigabytes).
// Internal to the scenario loader; header-only because it is included by loader.cpp alone.
#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

/** Largest file read: a national region of 50,000 assets takes about 10 MiB. */
inline constexpr std::size_t MAX_FILE_BYTES = 64u << 20;
/** Deepest nesting of lists and mappings: the formats use fewer than 10 levels. */
inline constexpr std::size_t MAX_NESTING = 64;
/** Nodes that aliases may add to what is written (on top of a bound that no alias-free file reaches). */
inline constexpr std::size_t MAX_ALIAS_NODES = 100000;

/** What the scan of the text found about aliases, for the expansion check. */
struct AliasUses {
  std::size_t count = 0;
  SourcePos first;       ///< the first alias ('*name') of the text
  std::string first_name;
};

namespace yaml_scan {
inline bool blank(char c) { return c == ' ' || c == '\t'; }
inline bool ends_token(const std::string& t, std::size_t i) { return i >= t.size() || blank(t[i]) || t[i] == '\n' || t[i] == '\r'; }
inline bool flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
} // namespace yaml_scan

/** Scans YAML text for its nesting depth, without recursion, and reports the first place deeper than MAX_NESTING.
 *  The scan follows block indentation, '- ' and '? ' entries, keys, flow brackets, quotes, comments and block
 *  scalars: it may count a level too few (a list at its key's indentation) but never follows what is inside quotes,
 *  comments or block scalars. Returns false after reporting an error; uses tells where the aliases are. */
inline bool check_nesting(const std::string& text, const Context& ctx, AliasUses& uses)
{
  using namespace yaml_scan;
  std::vector<int> block;   // columns (0-based) of the open block collections
  int flow        = 0;      // open '[' and '{'
  char quote      = 0;      // '"' or '\'' while inside a quoted scalar
  int line        = 1;
  int block_text  = -1;     // inside a block scalar: the indentation its lines must exceed
  bool block_next = false;  // a block scalar starts on the next line
  int node_col    = -1;     // column where the current scalar began (a key, if ':' follows)
  const std::size_t n = text.size();
  auto too_deep = [&](int col) {
    if (block.size() + static_cast<std::size_t>(flow) <= MAX_NESTING)
      return false;
    ctx.error({line, col + 1}, fmt::format("lists and mappings are nested more than {} deep here; at most {} levels "
                                           "are read",
                                           MAX_NESTING, MAX_NESTING));
    return true;
  };
  auto open_block = [&](int col) {
    if (block.empty() || block.back() < col)
      block.push_back(col);
    return !too_deep(col);
  };
  std::size_t i = 0;
  while (i < n) {
    const std::size_t start = i;
    std::size_t eol         = text.find('\n', i);
    if (eol == std::string::npos)
      eol = n;
    std::size_t first = i;
    while (first < eol && blank(text[first]))
      ++first;
    const int indent = static_cast<int>(first - start);
    if (quote == 0) { // a new line of structure, unless it is text of a block scalar
      const bool empty = first == eol || text[first] == '\r' || text[first] == '#';
      if (block_text >= 0 && (empty || indent > block_text)) {
        i = eol + 1;
        ++line;
        continue;
      }
      block_text = -1;
      if (empty) {
        i = eol + 1;
        ++line;
        continue;
      }
      if (flow == 0) {
        while (!block.empty() && block.back() > indent)
          block.pop_back();
        if (indent == 0 && text.compare(first, 3, "---") == 0 && ends_token(text, first + 3))
          block.clear();
      }
      i = first;
    }
    bool node_start = quote == 0;
    for (; i < eol; ++i) {
      const char c  = text[i];
      const int col = static_cast<int>(i - start);
      if (quote != 0) {
        if (quote == '"' && c == '\\')
          ++i;
        else if (c == quote) {
          if (quote == '\'' && i + 1 < eol && text[i + 1] == '\'')
            ++i;
          else
            quote = 0;
        }
        continue;
      }
      if (c == '#' && (i == start || blank(text[i - 1])))
        break;
      if (blank(c) || c == '\r')
        continue;
      if (node_start) {
        if ((c == '-' || c == '?') && ends_token(text, i + 1)) {
          if (flow == 0 && !open_block(col))
            return false;
          continue;
        }
        if (c == '[' || c == '{') {
          ++flow;
          if (too_deep(col))
            return false;
          continue;
        }
        if (c == '"' || c == '\'') {
          quote      = c;
          node_col   = col;
          node_start = false;
          continue;
        }
        if (c == '&' || c == '!' || c == '*') {
          std::size_t end = i + 1;
          while (end < eol && !blank(text[end]) && text[end] != '\r' && !(flow > 0 && flow_indicator(text[end])))
            ++end;
          if (c == '*') {
            if (uses.count++ == 0) {
              uses.first      = {line, col + 1};
              uses.first_name = text.substr(i + 1, end - i - 1);
            }
            node_col   = col;
            node_start = false;
          }
          i = end - 1;
          continue;
        }
        if ((c == '|' || c == '>') && flow == 0) {
          block_next = true;
          break;
        }
        node_col   = col;
        node_start = false;
      }
      if (flow > 0) {
        if (c == '[' || c == '{') {
          ++flow;
          if (too_deep(col))
            return false;
          node_start = true;
        } else if (c == ']' || c == '}') {
          --flow;
        } else if (c == ',' || (c == ':' && (ends_token(text, i + 1) || flow_indicator(text[i + 1])))) {
          node_start = true;
        }
      } else if (c == ':' && ends_token(text, i + 1)) {
        if (node_col >= 0 && !open_block(node_col))
          return false;
        node_start = true;
      } else if (c == ']' || c == '}') {
        flow = 0; // unbalanced: the parser will say so
      }
    }
    if (block_next) // its lines are those indented more than the line that announced it
      block_text = indent;
    block_next = false;
    i          = eol + 1;
    ++line;
  }
  return true;
}

/** Counts the nodes of root with every alias expanded, iteratively, stopping once past limit. */
inline std::size_t expanded_nodes(const YAML::Node& root, std::size_t limit)
{
  std::vector<YAML::Node> todo{root};
  std::size_t count = 1;
  while (!todo.empty() && count <= limit) {
    YAML::Node node = todo.back();
    todo.pop_back();
    if (node.IsSequence())
      for (const auto& item : node) {
        todo.push_back(item);
        ++count;
      }
    else if (node.IsMap())
      for (const auto& kv : node) {
        todo.push_back(kv.first);
        todo.push_back(kv.second);
        count += 2;
      }
  }
  return count;
}

/** Reports aliases that expand the document past what its text could hold without them, plus MAX_ALIAS_NODES.
 *  Returns false after reporting an error. */
inline bool check_aliases(const YAML::Node& root, std::size_t text_bytes, const AliasUses& uses, const Context& ctx)
{
  if (uses.count == 0)
    return true; // without aliases, every node is written out: the text's size bounds them
  // Without aliases a node takes at least one byte and its separator: 2 per byte is a bound with room to spare.
  const std::size_t limit = 2 * text_bytes + MAX_ALIAS_NODES;
  if (expanded_nodes(root, limit) <= limit)
    return true;
  ctx.error(uses.first, fmt::format("the aliases of this file (the first is '*{}' here) expand it to more than {} "
                                    "nodes; aliases may add at most {} nodes to what is written",
                                    uses.first_name, limit, MAX_ALIAS_NODES));
  return false;
}

} // namespace ricochet::scenario::detail
